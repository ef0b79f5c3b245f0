package dev.flowform.diag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a file flowform is given (a manifest, a state file, its journal, a saved plan) only when it
 * is a regular file, and never more than a limit: a FIFO would block forever, {@code /dev/zero}
 * would fill the memory, and a huge file would take minutes to fail. What is refused is said in
 * words, with the line and column where a file crosses its limit.
 */
public final class InputFile {
  private static final int CHUNK = 64 * 1024;

  private InputFile() {}

  /** Why a file was not read; the message reads after the file's name, e.g. "is a FIFO". */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    RefusedException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    /** The 1-based line where the file crosses its size limit; 0 when not about size. */
    public int line() {
      return line;
    }

    /** The 1-based column where the file crosses its size limit; 0 when not about size. */
    public int column() {
      return column;
    }
  }

  /**
   * The bytes of {@code file}, following symbolic links.
   *
   * @param limit the most bytes accepted
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws RefusedException when it is not a regular file, or is larger than {@code limit}
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file, long limit) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new RefusedException(kind(attributes) + ", not a regular file", 0, 0);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(channel, limit, attributes.size());
    }
  }

  /**
   * The bytes of a file already opened (and checked) by the caller, never more than {@code limit}.
   *
   * @throws RefusedException when it is larger than {@code limit}
   */
  public static byte[] read(ReadableByteChannel channel, long limit) throws IOException {
    return read(channel, limit, CHUNK);
  }

  /**
   * Like {@link #read(ReadableByteChannel, long)}, reading into one buffer sized for the {@code
   * expected} bytes (the size the file's attributes gave): a small manifest costs a few hundred
   * bytes, not a chunk of 64 KiB. A file that grew since is read all the same, the buffer grown.
   */
  public static byte[] read(ReadableByteChannel channel, long limit, long expected)
      throws IOException {
    int most = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8); // one byte past the limit tells
    // one byte more than expected, so the end of a file of the expected size is seen at once
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Math.max(expected, 0) + 1, most));
    while (channel.read(buffer) >= 0) {
      if (buffer.position() > limit) {
        throw tooLarge(buffer.array(), limit);
      }
      if (!buffer.hasRemaining()) {
        ByteBuffer larger =
            ByteBuffer.allocate((int) Math.min(Math.max(buffer.capacity() * 2L, CHUNK), most));
        buffer.flip();
        buffer = larger.put(buffer);
      }
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** {@code 4 MiB}, {@code 64 KiB}: a limit as messages show it. */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static RefusedException tooLarge(byte[] prefix, long limit) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < limit; i++) {
      byte b = prefix[i];
      if (b == '\n') {
        line++;
        column = 1;
      } else if ((b & 0xC0) != 0x80) {
        column++; // count characters, not the continuation bytes of UTF-8
      }
    }
    return new RefusedException(
        "is larger than " + size(limit) + ", the limit; read no further", line, column);
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "is a folder";
    }
    return "is a FIFO, socket or device";
  }
}
