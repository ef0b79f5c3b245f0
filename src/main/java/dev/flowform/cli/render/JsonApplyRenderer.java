package dev.flowform.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.apply.ApplyResult;
import dev.flowform.apply.ChangeOutcome;
import dev.flowform.apply.Outcome;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.PlanJson;
import dev.flowform.state.ResourceState;
import java.util.Locale;
import java.util.Optional;

/**
 * What an apply did, for programs: {@code "formatVersion": "1"}, described by {@code
 * schemas/apply-result.schema.json}. Each mutating change of the plan with its outcome, the id and
 * etag state recorded for it, and the error when it failed. Never a secret: outcomes carry none and
 * attribute values are left out.
 */
public final class JsonApplyRenderer {
  public static final String FORMAT_VERSION = "1";
  private final ObjectMapper mapper = new ObjectMapper();

  public String render(Plan plan, ApplyResult result) {
    try {
      return PlanJson.writer(mapper).writeValueAsString(toJson(plan, result)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private ObjectNode toJson(Plan plan, ApplyResult result) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("environment", plan.environment());
    root.put("sandbox", plan.sandbox());
    root.put("status", status(plan, result));
    root.put("serial", result.state().serial());
    ObjectNode planned = root.putObject("planned");
    plan.counts().forEach((action, count) -> planned.put(action.label(), count));
    ObjectNode outcomes = root.putObject("outcomes");
    result.counts().forEach((outcome, count) -> outcomes.put(code(outcome), count));
    ArrayNode changes = root.putArray("changes");
    for (ChangeOutcome outcome : result.outcomes()) {
      changes.add(change(outcome, result));
    }
    return root;
  }

  private ObjectNode change(ChangeOutcome outcome, ApplyResult result) {
    Change change = outcome.change();
    Optional<ResourceState> recorded = result.state().resource(change.address());
    ObjectNode node = mapper.createObjectNode();
    node.put("address", change.address());
    node.put("action", change.action().label());
    node.put("reason", change.reason().code());
    node.put("outcome", code(outcome.outcome()));
    node.put("name", change.name());
    node.put("id", outcome.id() != null ? outcome.id() : recorded.map(r -> r.id()).orElse(null));
    node.put("etag", recorded.map(ResourceState::etag).orElse(null));
    if (!outcome.outcome().success()) {
      ObjectNode error = node.putObject("error");
      error.put("message", outcome.message());
      error.put("hint", outcome.hint());
    }
    return node;
  }

  /** As the exit code says: a conflict leaves the manifests unmet, so the apply failed. */
  private static String status(Plan plan, ApplyResult result) {
    if (result.cancelled()) {
      return "cancelled";
    }
    if (plan.counts().get(Action.CONFLICT) > 0) {
      return "failed";
    }
    if (result.outcomes().isEmpty()) {
      return "no-changes";
    }
    return result.succeeded() ? "succeeded" : "failed";
  }

  static String code(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
