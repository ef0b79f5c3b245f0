package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.testing.StateFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording one change appends to the journal; reading replays it; crashes lose nothing. */
class StateJournalTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("dev.state.json");
  }

  /** Where the README says the journal is: {@code <state>.journal}. */
  private Path journal() {
    return dir.resolve("dev.state.json.journal");
  }

  @Test
  void recordingAChangeAppendsOneLineAndLeavesTheMainFileAlone() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State base = StateFixtures.withResources(3);
    store.write(base);
    byte[] main = Files.readAllBytes(file());

    State next = base.with("new-one", StateFixtures.pending(9));
    store.record(next, "new-one");

    assertArrayEquals(main, Files.readAllBytes(file()));
    List<String> lines = Files.readAllLines(journal());
    assertEquals(2, lines.size(), "header and one change");
    assertTrue(lines.get(1).startsWith("{\"serial\":4,\"address\":\"new-one\""), lines.get(1));
    assertEquals(next, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void replaysSetsAndRemovalsInOrder() {
    FileStateStore store = new FileStateStore(file());
    State state = StateFixtures.withResources(3);
    store.write(state);
    state = state.with("conn-00001", StateFixtures.created(1, "\"e2\""));
    store.record(state, "conn-00001");
    state = state.without("conn-00002");
    store.record(state, "conn-00002");

    assertEquals(state, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void foldsTheJournalIntoTheMainFileOnClose() throws IOException {
    State state;
    try (FileStateStore store = new FileStateStore(file())) {
      state = StateFixtures.withResources(2);
      store.write(state);
      state = state.with("x", StateFixtures.pending(5));
      store.record(state, "x");
    }

    assertFalse(Files.exists(dir.resolve("dev.state.json.journal")));
    assertEquals(state, new StateFormat().decode(Files.readAllBytes(file()), "f"));
  }

  @Test
  void compactsOnceTheJournalGrowsToSeveralTimesTheMainFile() throws IOException {
    FileStateStore store = new FileStateStore(file(), 0);
    State state = StateFixtures.withResources(1);
    store.write(state);
    long mainBefore = Files.size(file());
    for (int i = 10; i < 13; i++) {
      state = state.with(StateFixtures.address(i), StateFixtures.created(i));
      store.record(state, StateFixtures.address(i));
    }
    assertTrue(Files.size(journal()) > mainBefore, "the journal outgrew the main file");
    assertEquals(1, new StateFormat().decode(Files.readAllBytes(file()), "f").serial());
    for (int i = 13; i < 30; i++) {
      state = state.with(StateFixtures.address(i), StateFixtures.created(i));
      store.record(state, StateFixtures.address(i));
    }

    State main = new StateFormat().decode(Files.readAllBytes(file()), "f");
    assertTrue(main.serial() > 1, "the journal was folded into the main file");
    assertTrue(
        !Files.exists(journal())
            || Files.size(journal()) <= FileStateStore.COMPACT_RATIO * Files.size(file()));
    assertEquals(state, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void writesWholeAStateThatChangedInMoreThanTheNamedAddress() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State base = StateFixtures.withResources(2);
    store.write(base);
    State twoChanges = base.with("a", StateFixtures.pending(1)).with("b", StateFixtures.pending(2));

    store.record(twoChanges, "b");

    assertFalse(Files.exists(journal()));
    assertEquals(twoChanges, new StateFormat().decode(Files.readAllBytes(file()), "f"));
  }

  @Test
  void ignoresALastLineCutByACrashAndKeepsEveryAcknowledgedChange() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State state = StateFixtures.withResources(1);
    store.write(state);
    State pending = state.with("a", StateFixtures.pending(1));
    store.record(pending, "a");
    State created = pending.with("a", StateFixtures.created(1));
    store.record(created, "a");
    byte[] journal = Files.readAllBytes(journal());
    int lastLineStart = lastLineStart(journal);
    byte[] cut = Arrays.copyOf(journal, lastLineStart + (journal.length - lastLineStart) / 2);
    Files.write(journal(), cut); // the crash hit while the id was being written

    FileStateStore afterCrash = new FileStateStore(file());
    assertEquals(pending, afterCrash.read().orElseThrow(), "the pending record survives");
    assertArrayEquals(cut, Files.readAllBytes(journal()), "reading changes nothing");

    State retried = pending.with("a", StateFixtures.created(1));
    afterCrash.record(retried, "a");
    assertEquals(retried, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void aRunThatOnlyReadsLeavesAJournalOfACrashedRunAndTheStateFileAsTheyWere() throws IOException {
    FileStateStore crashed = new FileStateStore(file());
    State state = StateFixtures.withResources(1);
    crashed.write(state);
    State pending = state.with("a", StateFixtures.pending(1));
    crashed.record(pending, "a"); // then the process died: no close
    byte[] main = Files.readAllBytes(file());
    byte[] journal = Files.readAllBytes(journal());

    FileStateStore reader = new FileStateStore(file());
    assertEquals(pending, reader.read().orElseThrow());
    reader.close();

    assertArrayEquals(main, Files.readAllBytes(file()), "a plan writes no state");
    assertArrayEquals(journal, Files.readAllBytes(journal()));
    assertEquals(pending, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void ignoresAJournalAlreadyFoldedInByACompactionThatCrashedBeforeDeletingIt() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State state = StateFixtures.withResources(1);
    store.write(state);
    State next = state.with("a", StateFixtures.pending(1));
    store.record(next, "a");
    byte[] journal = Files.readAllBytes(journal());
    store.close(); // folds it in and deletes it...
    Files.write(journal(), journal); // ...but say the crash came before the delete

    assertEquals(next, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void ignoresATemporaryFileLeftByACrashDuringAWrite() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State state = StateFixtures.withResources(2);
    store.write(state);
    Files.writeString(dir.resolve("dev.state.json.998877.tmp"), "{\"formatVersion\": 1, \"lin");

    assertEquals(state, new FileStateStore(file()).read().orElseThrow());
  }

  @Test
  void refusesAJournalDamagedBeforeItsLastLineAndChangesNothing() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State state = StateFixtures.withResources(1);
    store.write(state);
    store.record(state.with("a", StateFixtures.pending(1)), "a");
    Files.writeString(journal(), "{\"serial\":\n", StandardOpenOption.APPEND);
    byte[] journal = Files.readAllBytes(journal());
    byte[] main = Files.readAllBytes(file());

    FlowformException e =
        assertThrows(FlowformException.class, () -> new FileStateStore(file()).read());

    assertTrue(e.getMessage().startsWith("corrupt state journal " + file() + ".journal:3"));
    assertArrayEquals(journal, Files.readAllBytes(journal()));
    assertArrayEquals(main, Files.readAllBytes(file()));
  }

  @Test
  void refusesAJournalWithoutItsStateFile() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State state = StateFixtures.withResources(1);
    store.write(state);
    store.record(state.with("a", StateFixtures.pending(1)), "a");
    Files.delete(file());

    FlowformException e =
        assertThrows(FlowformException.class, () -> new FileStateStore(file()).read());

    assertTrue(e.getMessage().contains("is missing but its journal"), e.getMessage());
  }

  @Test
  void recordingCostsNoMoreWorkForTenThousandResourcesThanForOne() throws IOException {
    FileStateStore store = new FileStateStore(file());
    State big = StateFixtures.withResources(10_000);
    store.write(big);
    long mainSize = Files.size(file());

    State next = big.with("conn-00042", StateFixtures.created(42, "\"e\""));
    store.record(next, "conn-00042");

    assertTrue(Files.size(journal()) < 2_000, "one line, not the whole state");
    assertEquals(mainSize, Files.size(file()));
  }

  private static int lastLineStart(byte[] bytes) {
    for (int i = bytes.length - 2; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }
}
