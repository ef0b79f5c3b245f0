package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import dev.flowform.testing.StateFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State is data with a format, never output: a secret that happens to equal a word of the format
 * leaves the state file intact, and a write that would hold a known secret is refused instead of
 * being rewritten.
 */
class StateNotScrubbedTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"secret", "test", "2026", "0200", "created", "sha256", "pending"})
  void aSecretEqualToAWordOfTheStateFormatLeavesTheStateReadable(String word) {
    Path file = dir.resolve("dev.state.json");
    Scrubber scrubber = new Scrubber();
    scrubber.add(word);
    State state = StateFixtures.withResources(3);
    State recorded = state.with(StateFixtures.address(5), StateFixtures.created(5));

    try (FileStateStore store = new FileStateStore(file, scrubber)) {
      store.write(state);
      store.record(recorded, StateFixtures.address(5)); // journaled
      assertEquals(recorded, new FileStateStore(file).read().orElseThrow(), "with its journal");
    }

    assertEquals(recorded, new FileStateStore(file).read().orElseThrow(), "folded");
  }

  @Test
  void aWriteThatWouldHoldAKnownSecretFailsAndLeavesTheFileAsItWas() throws IOException {
    Path file = dir.resolve("dev.state.json");
    Scrubber scrubber = new Scrubber();
    State state = StateFixtures.withResources(2);
    try (FileStateStore store = new FileStateStore(file, scrubber)) {
      store.write(state);
    }
    byte[] before = Files.readAllBytes(file);
    scrubber.add("client-7"); // the manifest used a secret as a clientId, say

    try (FileStateStore store = new FileStateStore(file, scrubber)) {
      State leaking = store.read().orElseThrow().with("leak", StateFixtures.created(7));
      FlowformException e =
          assertThrows(FlowformException.class, () -> store.record(leaking, "leak"));
      assertTrue(
          e.getMessage().contains("/leak/params/clientId") || e.getMessage().contains("clientId"),
          e.getMessage());
      assertFalse(e.getMessage().contains("client-7"), e.getMessage());
      FlowformException whole = assertThrows(FlowformException.class, () -> store.write(leaking));
      assertTrue(whole.getMessage().contains("is a secret"), whole.getMessage());
    }
    assertArrayEquals(before, Files.readAllBytes(file));
    assertFalse(Files.exists(dir.resolve("dev.state.json.journal")));
  }
}
