package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ${file:}} reads: regular files of at most 1 MiB, inside the project. */
class FileReferenceTest {
  @TempDir Path root;
  private Path project;
  private Path manifests;

  @BeforeEach
  void aProjectWithSecretsBesideItsManifests() throws IOException {
    project = Files.createDirectories(root.resolve("project"));
    manifests = Files.createDirectories(project.resolve("manifests/connections"));
    Files.createDirectories(project.resolve(".secrets"));
    Files.writeString(project.resolve(".secrets/token"), "hs-token\n");
    Files.writeString(root.resolve("outside.txt"), "not yours");
  }

  private Interpolator.Result read(String reference, List<Path> extraRoots) {
    return new Interpolator(
            Map.of(),
            Map.of(),
            "environment dev",
            FileAccess.forManifests(project.resolve("manifests"), extraRoots))
        .interpolate(reference, manifests);
  }

  private String failure(String reference) {
    Interpolator.Result result = read(reference, List.of());
    assertNull(result.value(), reference);
    return result.failures().get(0).message();
  }

  @Test
  void readsASecretBesideTheManifestsFolderAsTheReadmeShows() {
    assertEquals("hs-token", read("${file:../../.secrets/token}", List.of()).value());
  }

  @Test
  void refusesAPathThatLeadsOutOfTheProject() {
    assertEquals(
        "${file:../../../outside.txt}: cannot read file (the path leads outside the project)",
        failure("${file:../../../outside.txt}"));
  }

  @Test
  void refusesAnAbsolutePathEvenInsideTheProject() {
    Path inside = project.resolve(".secrets/token").toAbsolutePath();
    assertEquals(
        "${file:" + inside + "}: cannot read file (an absolute path is not allowed)",
        failure("${file:" + inside + "}"));
    assertEquals(
        "${file:/proc/self/environ}: cannot read file (an absolute path is not allowed)",
        failure("${file:/proc/self/environ}"));
  }

  @Test
  void refusesASymbolicLinkThatLeadsOutOfTheProject() throws IOException {
    Path link = manifests.resolve("link");
    try {
      Files.createSymbolicLink(link, root.resolve("outside.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    assertEquals(
        "${file:link}: cannot read file (a symbolic link leads outside the project)",
        failure("${file:link}"));
  }

  @Test
  void readsOutsideOnlyUnderAFolderAllowedExplicitly() {
    Path outside = root.resolve("outside.txt").toAbsolutePath();
    assertEquals("not yours", read("${file:../../../outside.txt}", List.of(root)).value());
    assertEquals("not yours", read("${file:" + outside + "}", List.of(root)).value());
  }

  @Test
  void neverReadsADeviceEvenUnderAnAllowedFolder() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    for (String device : List.of("/dev/zero", "/dev/urandom")) {
      Interpolator.Result result =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> read("${file:" + device + "}", List.of(Path.of("/dev"))));
      assertEquals(
          "${file:" + device + "}: cannot read file (not a regular file)",
          result.failures().get(0).message());
    }
  }

  @Test
  void neverOpensAFifoSoNothingBlocks() throws Exception {
    Path fifo = project.resolve(".secrets/fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo));
    String message =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> failure("${file:../../.secrets/fifo}"));
    assertEquals("${file:../../.secrets/fifo}: cannot read file (not a regular file)", message);
  }

  @Test
  void refusesAFileOverTheLimitWithoutReadingIt() throws IOException {
    try (RandomAccessFile big =
        new RandomAccessFile(project.resolve(".secrets/big").toFile(), "rw")) {
      big.setLength(300L * 1024 * 1024); // sparse: costs no disk
    }
    Interpolator.Result result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> read("${file:../../.secrets/big}", List.of()));
    assertEquals(
        "${file:../../.secrets/big}: cannot read file (larger than the 1 MiB limit)",
        result.failures().get(0).message());
  }

  @Test
  void readsAFileOfExactlyTheLimit() throws IOException {
    Files.write(project.resolve(".secrets/full"), "a".repeat(1024 * 1024).getBytes());
    assertEquals(1024 * 1024, read("${file:../../.secrets/full}", List.of()).value().length());
  }

  @Test
  void aValueFromTheSourceOfASecretIsReportedAsASecretWhereverItIsUsed() {
    List<String> told = new ArrayList<>();
    Interpolator interpolator =
        new Interpolator(
            Map.of("HS_SECRET", "hs-secret-1", "REGION", "eu"),
            Map.of(),
            "environment dev",
            FileAccess.forManifests(project.resolve("manifests"), List.of()),
            new SecretSources(Set.of("HS_SECRET"), Set.of(project.resolve(".secrets/token"))),
            told::add);
    interpolator.interpolate("id ${env:HS_SECRET} in ${env:REGION}", manifests);
    interpolator.interpolate("${file:../../.secrets/token}", manifests);
    assertEquals(List.of("hs-secret-1", "hs-token"), told);
  }
}
