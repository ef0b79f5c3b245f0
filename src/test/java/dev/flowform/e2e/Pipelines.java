package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.emulator.EmulatedResource;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many whole pipelines at once: for each number, a base connection {@code conn-007} and a source
 * connection, target connection, mapping set and dataflow all named {@code p-007} (five resources);
 * and the check that they converged: each exists exactly once on the platform and state records its
 * id.
 */
final class Pipelines {
  static final String SCHEMA = "https://ns.adobe.com/acme/schemas/3a1f0c";

  private Pipelines() {}

  /** {@code count} pipelines; each mapping set's content differs from the others'. */
  static Workspace write(Workspace ws, int count) {
    return write(ws, count, true);
  }

  /**
   * @param distinctMappings false: every mapping set has the same content (they can only be told
   *     apart by state)
   */
  static Workspace write(Workspace ws, int count, boolean distinctMappings) {
    for (int i = 0; i < count; i++) {
      String n = String.format("%03d", i);
      ws.connection("conn-" + n, "HubSpot " + n);
      ws.write("pipelines/p-" + n + ".yaml", pipeline(n, distinctMappings ? "Vid" + n : "Vid"));
    }
    return ws;
  }

  static String pipeline(String n, String mappedColumn) {
    return """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: p-%1$s}
        spec:
          name: Contacts %1$s
          baseConnection: conn-%1$s
          path: Hubspot.Contacts
        ---
        apiVersion: flowform/v1
        kind: TargetConnection
        metadata: {name: p-%1$s}
        spec:
          name: Lake %1$s
          dataSetId: 5ed5639d798a22191b6987b2
          schema: %2$s
        ---
        apiVersion: flowform/v1
        kind: MappingSet
        metadata: {name: p-%1$s}
        spec:
          schema: %2$s
          mappings:
            - {source: %3$s, destination: _id}
        ---
        apiVersion: flowform/v1
        kind: Dataflow
        metadata: {name: p-%1$s}
        spec:
          name: Flow %1$s
          source: p-%1$s
          target: p-%1$s
          mapping: p-%1$s
          deltaColumn: {name: updatedAt}
          schedule: {frequency: hour, interval: 1, startTime: "2026-12-01T00:00:00Z"}
        """
        .formatted(n, SCHEMA, mappedColumn);
  }

  /**
   * Every pipeline resource and base connection exists once on the emulator, and state records each
   * as created with the emulator's id; nothing else is on the emulator or in state.
   */
  static void assertConvergedWithoutDuplicates(
      FlowServiceEmulator emulator, Workspace ws, int count) throws IOException {
    Numbered.assertConvergedWithoutDuplicates(emulator, ws, count, 4 * count);
    List<EmulatedResource> remote = emulator.resources(Workspace.SANDBOX);
    Map<String, Integer> byKind = new HashMap<>();
    remote.forEach(r -> byKind.merge(r.kind().name(), 1, Integer::sum));
    assertEquals(count, byKind.getOrDefault("SOURCE_CONNECTION", 0), byKind.toString());
    assertEquals(count, byKind.getOrDefault("TARGET_CONNECTION", 0), byKind.toString());
    assertEquals(count, byKind.getOrDefault("MAPPING_SET", 0), byKind.toString());
    assertEquals(count, byKind.getOrDefault("FLOW", 0), byKind.toString());
    JsonNode resources = Numbered.recorded(ws);
    Set<String> recordedIds = new HashSet<>();
    resources
        .properties()
        .forEach(
            e -> {
              if (e.getKey().contains(".")) {
                assertEquals("created", e.getValue().path("status").asText(), e.getKey());
                assertTrue(recordedIds.add(e.getValue().path("id").asText()), e.getKey());
              }
            });
    for (EmulatedResource r : remote) {
      assertTrue(recordedIds.contains(r.id()), r.kind() + " " + r.id() + " is not in state");
    }
    assertEquals(remote.size(), recordedIds.size(), "state records exactly what exists");
  }
}
