package dev.flowform.state;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Crash-safe file writes: a file is replaced by writing a temporary file in the same folder,
 * forcing it to disk, renaming it over the target atomically and then forcing the folder, so that
 * after a crash at any point the target holds either its old or its new bytes, never a mix.
 */
final class AtomicFiles {
  static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes}, creating missing parent folders. */
  static void replace(Path target, byte[] bytes, FileMode mode) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, target.getFileName() + ".", TEMP_SUFFIX);
    try {
      mode.applyTo(temp);
      try (FileChannel out = FileChannel.open(temp, WRITE)) {
        writeFully(out, bytes);
        out.force(true);
      }
      move(temp, target);
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Copies {@code source} to {@code target} the same way: target is whole, old or new. */
  static void copy(Path source, Path target, FileMode mode) throws IOException {
    Path dir = parent(target);
    Path temp = Files.createTempFile(dir, target.getFileName() + ".", TEMP_SUFFIX);
    try {
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      mode.applyTo(temp);
      try (FileChannel out = FileChannel.open(temp, WRITE)) {
        out.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Appends {@code bytes} and forces them to disk before returning; a new file gets the mode. */
  static void append(Path file, byte[] bytes, FileMode mode) throws IOException {
    createWithMode(file, mode);
    try (FileChannel out = FileChannel.open(file, CREATE, WRITE, APPEND)) {
      writeFully(out, bytes);
      out.force(false);
    }
  }

  /** Creates {@code file} empty with {@code mode} unless it exists (then it is left alone). */
  static void createWithMode(Path file, FileMode mode) throws IOException {
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.createFile(file);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return; // created meanwhile by whoever else: theirs
    }
    mode.applyTo(file);
  }

  /** Deletes a file and forces its folder, so that the deletion survives a crash. */
  static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      forceDirectory(parent(file));
    }
  }

  /** Removes temporary files a killed process may have left beside {@code target}. */
  static void sweepTemporaries(Path target) throws IOException {
    Path dir = parent(target);
    if (!Files.isDirectory(dir)) {
      return;
    }
    String prefix = target.getFileName() + ".";
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(
            dir,
            p -> {
              String name = p.getFileName().toString();
              return name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX);
            })) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  /** Forces a folder's entries to disk where the platform allows it (not on Windows). */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here: the rename is still atomic, only its durability is up to the OS.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeFully(FileChannel out, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static Path parent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }
}
