package dev.flowform.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.plan.Action;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.PlanJson;

/**
 * The plan for programs: {@code "formatVersion": "1"}, fields always in the same order, described
 * by {@code schemas/plan.schema.json}. Sensitive attributes carry no value, only {@code
 * "sensitive": true}.
 */
public final class JsonPlanRenderer implements PlanRenderer {
  public static final String FORMAT_VERSION = "1";
  private final ObjectMapper mapper = new ObjectMapper();

  public JsonPlanRenderer() {}

  @Override
  public String render(Plan plan) {
    try {
      return PlanJson.writer(mapper).writeValueAsString(toJson(plan)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  ObjectNode toJson(Plan plan) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("environment", plan.environment());
    root.put("sandbox", plan.sandbox());
    root.put("lineage", plan.lineage());
    root.put("serial", plan.serial());
    root.put("manifestDigest", plan.manifestDigest());
    root.put("refreshed", plan.refreshed());
    root.put("hasChanges", plan.hasChanges());
    ObjectNode summary = root.putObject("summary");
    plan.counts().forEach((action, count) -> summary.put(action.label(), count));
    ArrayNode targets = root.putArray("targets");
    plan.targets().forEach(targets::add);
    ArrayNode unresolved = root.putArray("unresolved");
    plan.unresolved().forEach(unresolved::add);
    ArrayNode changes = root.putArray("changes");
    plan.changes().forEach(change -> changes.add(change(change)));
    ArrayNode duplicates = root.putArray("duplicates");
    plan.duplicates()
        .forEach(
            d -> {
              ObjectNode node = duplicates.addObject();
              node.put("address", d.address());
              node.put("name", d.name());
              node.put("id", d.id());
              node.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
            });
    return root;
  }

  private ObjectNode change(Change change) {
    ObjectNode node = mapper.createObjectNode();
    node.put("address", change.address());
    node.put("action", change.action().label());
    node.put("reason", change.reason().code());
    node.put("adopt", change.adopts());
    node.put("name", change.name());
    node.put("id", change.id());
    node.put("etag", change.etag());
    node.put("movedFrom", change.movedFrom());
    node.put("kind", change.kind() == null ? "HubSpotConnection" : change.kind());
    ArrayNode dependsOn = node.putArray("dependsOn");
    change.dependsOn().forEach(dependsOn::add);
    ArrayNode remoteIds = node.putArray("remoteIds");
    change.remoteIds().forEach(remoteIds::add);
    ArrayNode attributes = node.putArray("attributes");
    change.attributes().forEach(a -> attributes.add(attribute(a, change.action())));
    return node;
  }

  private ObjectNode attribute(AttributeChange attribute, Action action) {
    ObjectNode node = mapper.createObjectNode();
    node.put("path", attribute.path());
    node.put("sensitive", attribute.sensitive());
    if (attribute.notComparable() != null) {
      node.put("notComparable", attribute.notComparable());
    }
    if (!attribute.sensitive()) {
      if (action != Action.CREATE) {
        node.put("before", attribute.before());
      }
      node.put("after", attribute.after());
    }
    return node;
  }
}
