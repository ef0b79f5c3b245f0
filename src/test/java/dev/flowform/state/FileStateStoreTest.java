package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.StateFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
  @TempDir Path dir;

  @Test
  void readsNothingWhenNoStateWasWrittenYet() {
    assertTrue(new FileStateStore(dir.resolve("dev.state.json")).read().isEmpty());
  }

  @Test
  void roundTripsSerialAndLineage() {
    Path file = dir.resolve("dev.state.json");
    State state = StateFixtures.withResources(2);
    new FileStateStore(file).write(state);

    State read = new FileStateStore(file).read().orElseThrow();

    assertEquals(Fixtures.LINEAGE, read.lineage());
    assertEquals(2, read.serial());
    assertEquals(state, read);
  }

  @Test
  void createsMissingParentFolders() {
    Path file = dir.resolve(".flowform/nested/dev.state.json");

    new FileStateStore(file).write(StateFixtures.empty());

    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void leavesNoTemporaryFileBehind() throws IOException {
    FileStateStore store = new FileStateStore(dir.resolve("dev.state.json"));
    store.write(StateFixtures.empty());
    store.write(StateFixtures.withResources(1));

    assertEquals(List.of("dev.state.json", "dev.state.json.backup"), files());
  }

  @Test
  void keepsThePreviousVersionAsBackup() throws IOException {
    FileStateStore store = new FileStateStore(dir.resolve("dev.state.json"));
    State first = StateFixtures.withResources(1);
    State second = first.with("another", StateFixtures.created(2));
    store.write(first);
    byte[] firstBytes = Files.readAllBytes(store.file());

    store.write(second);

    assertArrayEquals(firstBytes, Files.readAllBytes(store.backupFile()));
    assertEquals(second, store.read().orElseThrow());
  }

  @Test
  void keepsTheBackupWhenTheSameStateIsWrittenAgain() throws IOException {
    FileStateStore store = new FileStateStore(dir.resolve("dev.state.json"));
    store.write(StateFixtures.empty());
    store.write(StateFixtures.withResources(1));
    byte[] backup = Files.readAllBytes(store.backupFile());

    store.write(StateFixtures.withResources(1));

    assertArrayEquals(backup, Files.readAllBytes(store.backupFile()));
  }

  @Test
  void removesTemporaryFilesAKilledWriterLeft() throws IOException {
    Path file = dir.resolve("dev.state.json");
    Files.writeString(dir.resolve("dev.state.json.1234567.tmp"), "{\"formatVers");
    FileStateStore store = new FileStateStore(file);

    store.write(StateFixtures.empty());

    assertEquals(List.of("dev.state.json"), files());
  }

  @Test
  void refusesACorruptFileAndLeavesItByteForByte() throws IOException {
    Path file = dir.resolve("dev.state.json");
    byte[] corrupt = "{\n  \"formatVersion\": 1,\n  \"lineage\": tru\n".getBytes();
    Files.write(file, corrupt);

    FlowformException e =
        assertThrows(FlowformException.class, () -> new FileStateStore(file).read());

    assertTrue(e.getMessage().contains(file + ":3:"), e.getMessage());
    assertTrue(e.hint().contains("restore the previous version from " + file + ".backup"));
    assertArrayEquals(corrupt, Files.readAllBytes(file));
    assertEquals(List.of("dev.state.json"), files());
  }

  @Test
  void refusesAnUnknownFormatVersionAndLeavesTheFileByteForByte() throws IOException {
    Path file = dir.resolve("dev.state.json");
    new FileStateStore(file).write(StateFixtures.withResources(1));
    String newer = Files.readString(file).replace("\"formatVersion\": 1", "\"formatVersion\": 99");
    Files.writeString(file, newer);

    FlowformException e =
        assertThrows(FlowformException.class, () -> new FileStateStore(file).read());

    assertTrue(e.getMessage().contains("formatVersion 99"), e.getMessage());
    assertArrayEquals(newer.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
  }

  @Test
  void neverWritesASecretOnlyItsFingerprint() throws IOException {
    FileStateStore store = new FileStateStore(dir.resolve("dev.state.json"));
    store.write(StateFixtures.withResources(3));

    String written = Files.readString(store.file());

    assertFalse(written.contains("secret-1") || written.contains("token-1"), written);
    assertTrue(written.contains("\"clientSecret\": \"sha256:"), written);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
