package dev.flowform.kinds.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.FlatJson;
import dev.flowform.kinds.Health;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A flow's health: its state and what its latest run did. */
final class DataflowHealth {
  private DataflowHealth() {}

  /** The flow's state and its latest run (the runs sorted by start, newest first). */
  static Optional<Health> of(PlatformResources platform, String id) {
    Optional<JsonNode> flow = platform.get(Collection.FLOWS, id);
    if (flow.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> runs = platform.list(Collection.RUNS, "flowId==" + id);
    Optional<JsonNode> latest = runs.stream().max(Comparator.comparing(DataflowHealth::startedAt));
    String state = FlatJson.text(flow.get(), "state");
    return Optional.of(
        latest
            .map(
                run ->
                    new Health(
                        state,
                        run.at("/metrics/statusSummary/status").asText(null),
                        run.at("/metrics/recordSummary/inputRecordCount").asLong(-1),
                        run.at("/metrics/recordSummary/failedRecordCount").asLong(-1)))
            .orElse(new Health(state, null, -1, -1)));
  }

  private static String startedAt(JsonNode run) {
    JsonNode started = run.at("/metrics/durationSummary/startedAtUTC");
    return started.isMissingNode() ? "" : String.format("%020d", started.asLong());
  }
}
