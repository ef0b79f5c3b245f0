package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Many connections at once: {@code conn-000} named {@code HubSpot 000}, and so on; and the check
 * that they converged: each exists exactly once on the platform and state records its id.
 */
final class Numbered {
  private Numbered() {}

  static Workspace connections(Workspace ws, int count) {
    for (int i = 0; i < count; i++) {
      ws.connection(String.format("conn-%03d", i), String.format("HubSpot %03d", i));
    }
    return ws;
  }

  static void assertConvergedWithoutDuplicates(
      FlowServiceEmulator emulator, Workspace ws, int count) throws IOException {
    assertConvergedWithoutDuplicates(emulator, ws, count, 0);
  }

  /** The same, with {@code others} more records in state than the connections. */
  static void assertConvergedWithoutDuplicates(
      FlowServiceEmulator emulator, Workspace ws, int count, int others) throws IOException {
    List<EmulatedConnection> remote = emulator.connections(Workspace.SANDBOX);
    Set<String> names = new HashSet<>();
    remote.forEach(c -> assertTrue(names.add(c.name()), "duplicate " + c.name()));
    assertEquals(count, remote.size());
    JsonNode resources = recorded(ws);
    assertEquals(count + others, resources.size());
    for (EmulatedConnection c : remote) {
      JsonNode entry = resources.get(address(c));
      assertEquals(c.id(), entry.get("id").asText(), address(c));
      assertEquals("created", entry.get("status").asText(), address(c));
    }
  }

  /** The state's resources, as written. */
  static JsonNode recorded(Workspace ws) throws IOException {
    return new ObjectMapper().readTree(Files.readString(ws.stateFile())).get("resources");
  }

  /** The address of a numbered connection, from its AEP name. */
  static String address(EmulatedConnection connection) {
    return "conn-" + connection.name().substring("HubSpot ".length());
  }
}
