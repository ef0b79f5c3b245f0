package dev.flowform.state;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An exclusive OS lock on a file, held through one open channel. Released when closed, and by the
 * operating system when the process ends. Within this JVM, {@link ProcessFileLocks} makes sure no
 * second channel is ever opened on a file it holds.
 */
final class OsLock implements AutoCloseable {
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private OsLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock; empty when this or another process holds it. Creates the file and its folders. */
  static Optional<OsLock> tryTake(Path file, FileMode mode) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path key = dir.toRealPath().resolve(file.getFileName());
    if (!ProcessFileLocks.claim(key)) {
      return Optional.empty(); // held (or being probed) by this JVM
    }
    FileChannel channel;
    try {
      AtomicFiles.createWithMode(key, mode);
      channel = FileChannel.open(key, CREATE, WRITE);
    } catch (IOException e) {
      ProcessFileLocks.release(key);
      throw e;
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Locked in this JVM by code that bypasses ProcessFileLocks: treat it as held. The channel
      // is left open on purpose, since closing it would release that other lock.
      ProcessFileLocks.release(key);
      return Optional.empty();
    } catch (IOException e) {
      channel.close();
      ProcessFileLocks.release(key);
      throw e;
    }
    if (lock == null) {
      channel.close(); // held by another process: safe to close, this JVM holds nothing on it
      ProcessFileLocks.release(key);
      return Optional.empty();
    }
    return Optional.of(new OsLock(key, channel, lock));
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The channel is gone either way; the OS drops the lock with it.
    } finally {
      ProcessFileLocks.release(key);
    }
  }
}
