package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The synthetic runs of a flow: one per tick of its schedule from its {@code startTime} (or, for a
 * start before the flow existed, from the tick in progress when it was created) until now, the most
 * recent first, at most {@value #SHOWN}. A run starts at its tick (not before the flow's creation)
 * and lasts a few seconds; ids, counts and durations follow from the flow's id and the tick's
 * number, so every read shows the same runs.
 *
 * <p>Every run succeeds ({@code metrics.statusSummary.status} {@code success}) unless the flow's
 * name contains {@value #FAIL_MARKER}: then every run fails, with status {@code Failed} (the
 * platform's status words differ in case; compare them ignoring it), all records failed, and an
 * error in {@code statusSummary.extensions.errors}. The marker is read at each list, so renaming a
 * flow turns its runs, past ones included, to failed or back.
 */
final class Runs {
  /** The most runs shown for one flow. */
  static final int SHOWN = 20;

  /** A flow whose name contains this gets failed runs. */
  static final String FAIL_MARKER = "[fail-runs]";

  private static final long MAX_DURATION_MS = 40_000;

  private final ObjectMapper mapper;
  private final Clock clock;

  Runs(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The flow's runs, the most recent first. */
  List<ObjectNode> of(EmulatedResource flow) {
    return latest(flow, SHOWN);
  }

  /** The flow's {@code max} most recent runs, the most recent first. */
  private List<ObjectNode> latest(EmulatedResource flow, int max) {
    ObjectNode body = flow.json(mapper);
    Schedule schedule = Schedule.of(body.get("scheduleParams"));
    long nowMs = clock.millis();
    long now = Math.floorDiv(nowMs, 1000);
    long created = Math.floorDiv(flow.createdAt(), 1000);
    long start = schedule.startTime();
    if (start > now) {
      return List.of();
    }
    long period = schedule.periodSeconds();
    long first = period == 0 || start >= created ? 0 : (created - start) / period;
    long last = period == 0 ? 0 : (now - start) / period;
    boolean fails = body.path("name").asText().contains(FAIL_MARKER);
    List<ObjectNode> runs = new ArrayList<>();
    for (long tick = last; tick >= Math.max(first, last - max + 1); tick--) {
      long startedMs = Math.max(start + tick * period, created) * 1000;
      if (period == 0) {
        startedMs = Math.max(start, created) * 1000;
      }
      runs.add(run(flow, body, tick, startedMs, nowMs, fails));
    }
    return runs;
  }

  /** {@code lastRunDetails}: the latest run's id, state, start and end; empty before any run. */
  Optional<ObjectNode> lastRunDetails(EmulatedResource flow) {
    return latest(flow, 1).stream()
        .findFirst()
        .map(
            run -> {
              ObjectNode details = mapper.createObjectNode();
              details.put("id", run.get("id").asText());
              boolean failed =
                  run.path("metrics")
                      .path("statusSummary")
                      .path("status")
                      .asText()
                      .equalsIgnoreCase("failed");
              details.put("state", failed ? "failed" : "success");
              ObjectNode duration = (ObjectNode) run.path("metrics").path("durationSummary");
              details.put("startedAtUTC", duration.get("startedAtUTC").asLong());
              details.put("completedAtUTC", duration.get("completedAtUTC").asLong());
              return details;
            });
  }

  private ObjectNode run(
      EmulatedResource flow,
      ObjectNode body,
      long tick,
      long startedMs,
      long nowMs,
      boolean fails) {
    String id = uuid(flow.id() + "/run/" + tick);
    long seed = Integer.toUnsignedLong(id.hashCode());
    long completedMs = Math.min(startedMs + 5_000 + seed % (MAX_DURATION_MS - 5_000), nowMs);
    long records = 50 + seed % 950;
    ObjectNode run = mapper.createObjectNode();
    run.put("id", id);
    run.put("createdAt", startedMs);
    run.put("updatedAt", completedMs);
    run.put("createdBy", flow.createdClient() + "@AdobeID");
    run.put("updatedBy", flow.createdClient() + "@AdobeID");
    run.put("createdClient", flow.createdClient());
    run.put("updatedClient", flow.createdClient());
    run.put("sandboxId", ConnectionDocument.sandboxId(flow.orgId(), flow.sandbox()));
    run.put("sandboxName", flow.sandbox());
    run.put("imsOrgId", flow.orgId());
    run.put("flowId", flow.id());
    run.set("flowSpec", body.get("flowSpec").deepCopy());
    run.put("providerRefId", "M-" + flow.id() + "-incremental-" + tick);
    run.put("etag", String.format("\"%08x-0000-0200-0000-%08x0000\"", seed, completedMs / 1000));
    ObjectNode metrics = run.putObject("metrics");
    metrics.set("durationSummary", duration(startedMs, completedMs));
    metrics.set("sizeSummary", size(records, fails));
    metrics.set("recordSummary", recordSummary(records, fails));
    metrics.set("statusSummary", status(fails));
    ObjectNode activity = run.putArray("activities").addObject();
    activity.put("id", uuid(id + "/copy"));
    activity.put("name", "Copy Activity");
    activity.put("updatedAtUTC", completedMs);
    activity.set("durationSummary", duration(startedMs, completedMs));
    activity.set("sizeSummary", size(records, fails));
    activity.set("recordSummary", recordSummary(records, fails));
    activity.set("statusSummary", status(fails));
    return run;
  }

  private ObjectNode duration(long startedMs, long completedMs) {
    ObjectNode duration = mapper.createObjectNode();
    duration.put("startedAtUTC", startedMs);
    duration.put("completedAtUTC", completedMs);
    return duration;
  }

  private ObjectNode size(long records, boolean fails) {
    ObjectNode size = mapper.createObjectNode();
    size.put("inputBytes", records * 512);
    size.put("outputBytes", fails ? 0 : records * 640);
    return size;
  }

  private ObjectNode recordSummary(long records, boolean fails) {
    ObjectNode summary = mapper.createObjectNode();
    summary.put("inputRecordCount", records);
    summary.put("createdRecordCount", fails ? 0 : records);
    summary.put("outputRecordCount", fails ? 0 : records);
    summary.put("failedRecordCount", fails ? records : 0);
    return summary;
  }

  private ObjectNode status(boolean fails) {
    ObjectNode status = mapper.createObjectNode();
    status.put("status", fails ? "Failed" : "success");
    if (fails) {
      ObjectNode error = status.putObject("extensions").putArray("errors").addObject();
      error.put("code", "EMULATOR-FAIL-RUNS");
      error.put(
          "message",
          "The emulator fails every run of a flow whose name contains " + FAIL_MARKER + ".");
    }
    return status;
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
