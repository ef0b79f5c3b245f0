package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, low: {@code ${file:}} reads what it checked. While another process swaps the secret, or
 * the folder holding it, for a symbolic link to a file outside the project, reads succeed or are
 * refused, and never return the outside file's content.
 */
class FileReferenceRaceTest {
  private static final String OUTSIDE = "OUTSIDE-THE-PROJECT";
  private static final Duration RACE = Duration.ofMillis(1500);

  @TempDir Path root;
  private Path project;
  private Path manifests;
  private Path outsideDir;

  @BeforeEach
  void aProjectAndAFolderOutsideIt() throws IOException {
    project = Files.createDirectories(root.resolve("project"));
    manifests = Files.createDirectories(project.resolve("manifests"));
    outsideDir = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outsideDir.resolve("token"), OUTSIDE);
    try {
      Files.createSymbolicLink(root.resolve("probe"), outsideDir);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
  }

  private String read(String reference) {
    Interpolator.Result result =
        new Interpolator(
                Map.of(),
                Map.of(),
                "environment dev",
                FileAccess.forManifests(manifests, List.of()))
            .interpolate(reference, manifests);
    return result.value();
  }

  @Test
  void aFileSwappedForALinkOutsideIsNeverRead() throws Exception {
    Path secret = project.resolve("token");
    Path staged = project.resolve("token.next");
    Files.writeString(secret, "inside");
    int[] reads =
        race(
            "${file:../token}",
            flip -> {
              if (flip) {
                Files.createSymbolicLink(staged, outsideDir.resolve("token"));
              } else {
                Files.writeString(staged, "inside");
              }
              Files.move(staged, secret, StandardCopyOption.ATOMIC_MOVE);
            });

    assertEquals(0, reads[1], "reads that returned the outside file");
    assertTrue(reads[0] > 0, "the race read the inside file at least once");
  }

  @Test
  void aFolderSwappedForALinkOutsideIsNeverRead() throws Exception {
    Path folder = project.resolve("secrets");
    Path parked = project.resolve("secrets.parked");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("token"), "inside");
    int[] reads =
        race(
            "${file:../secrets/token}",
            flip -> {
              if (flip) {
                Files.move(folder, parked);
                Files.createSymbolicLink(folder, outsideDir);
              } else {
                Files.delete(folder);
                Files.move(parked, folder);
              }
            });

    assertEquals(0, reads[1], "reads that returned the outside file");
    assertTrue(reads[0] > 0, "the race read the inside file at least once");
  }

  /** One swap of the race: to the link outside when {@code flip}, back inside otherwise. */
  private interface Swap {
    void swap(boolean flip) throws IOException;
  }

  /** Reads while {@code swap} runs in a loop: how many reads were of the inside, of the outside. */
  private int[] race(String reference, Swap swap) throws InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    Thread swapper =
        new Thread(
            () -> {
              for (boolean flip = true; !done.get(); flip = !flip) {
                try {
                  swap.swap(flip);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
    swapper.start();
    int[] reads = new int[2];
    Instant end = Instant.now().plus(RACE);
    try {
      while (Instant.now().isBefore(end)) {
        String value = read(reference);
        if ("inside".equals(value)) {
          reads[0]++;
        } else if (OUTSIDE.equals(value)) {
          reads[1]++;
        }
      }
    } finally {
      done.set(true);
      swapper.join();
    }
    return reads;
  }
}
