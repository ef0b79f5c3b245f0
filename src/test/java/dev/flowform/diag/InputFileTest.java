package dev.flowform.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
  @TempDir Path dir;

  private static ReadableByteChannel channel(byte[] bytes) {
    return Channels.newChannel(new ByteArrayInputStream(bytes));
  }

  private static byte[] bytes(int size) {
    byte[] out = new byte[size];
    Arrays.fill(out, (byte) 'a');
    return out;
  }

  @Test
  void readsAFileOfAnySizeUpToTheLimit() throws IOException {
    for (int size : new int[] {0, 1, 300, 64 * 1024, 64 * 1024 + 1, 200_000}) {
      Path file = dir.resolve("f" + size);
      Files.write(file, bytes(size));
      assertArrayEquals(bytes(size), InputFile.read(file, 200_000), "size " + size);
    }
  }

  @Test
  void readsAllOfAFileThatGrewBeyondWhatWasExpected() throws IOException {
    assertArrayEquals(bytes(5000), InputFile.read(channel(bytes(5000)), 10_000, 10));
    assertArrayEquals(bytes(5000), InputFile.read(channel(bytes(5000)), 10_000, 0));
  }

  @Test
  void readsAllOfAFileThatShrankBelowWhatWasExpected() throws IOException {
    assertArrayEquals(bytes(10), InputFile.read(channel(bytes(10)), 10_000, 5000));
  }

  @Test
  void refusesOneBytePastTheLimitWhateverWasExpected() {
    for (long expected : new long[] {0, 100, 101, 1_000_000}) {
      InputFile.RefusedException e =
          assertThrows(
              InputFile.RefusedException.class,
              () -> InputFile.read(channel(bytes(101)), 100, expected));
      assertEquals(1, e.line());
      assertEquals(101, e.column());
    }
  }

  @Test
  void tellsTheLineAndColumnWhereAFileCrossesItsLimit() throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.write(file, "ab\ncdé\nefgh".getBytes(StandardCharsets.UTF_8));
    InputFile.RefusedException e =
        assertThrows(InputFile.RefusedException.class, () -> InputFile.read(file, 9));
    assertEquals(3, e.line());
    assertEquals(2, e.column()); // the first byte past the limit, é counted once
    assertEquals("is larger than 9 bytes, the limit; read no further", e.getMessage());
  }

  @Test
  void refusesAFolder() {
    InputFile.RefusedException e =
        assertThrows(InputFile.RefusedException.class, () -> InputFile.read(dir, 100));
    assertEquals("is a folder, not a regular file", e.getMessage());
  }
}
