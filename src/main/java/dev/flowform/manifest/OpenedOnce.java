package dev.flowform.manifest;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;

/**
 * Opens, once and without following any link, a file whose real path (no link in it) was checked:
 * so what is read is what was checked, even when someone swaps a file or a folder on the way for a
 * link between the check and the read.
 *
 * <p>Where the platform offers it (Linux), the folder is opened first and checked by what was
 * opened (its identity against the folder at the real path, which still has no link in it), then
 * the file is opened inside that folder, refusing a link. Elsewhere the file is opened refusing a
 * link as its last part, and its real path is checked again once it is open.
 */
final class OpenedOnce {
  /** What is at the real path is no longer what was checked. */
  static final class ChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    ChangedException(String message) {
      super(message);
    }
  }

  /** A file opened, with its attributes as read through the folder it was opened in. */
  record Opened(SeekableByteChannel channel, BasicFileAttributes attributes) {}

  private OpenedOnce() {}

  /**
   * @param real an absolute path without links, as {@link Path#toRealPath} gives
   * @throws ChangedException when a link took the place of the file or of a folder on its way
   */
  static Opened open(Path real) throws IOException {
    Path folder = real.getParent();
    Path name = real.getFileName();
    DirectoryStream<Path> stream = Files.newDirectoryStream(folder);
    if (!(stream instanceof SecureDirectoryStream<Path> pinned)) {
      stream.close();
      return openByPath(real);
    }
    try (pinned) {
      Object opened =
          pinned.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
      Object atPath =
          Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .fileKey();
      if (opened == null || !opened.equals(atPath) || !folder.toRealPath().equals(folder)) {
        throw new ChangedException("a folder on its way changed while it was opened");
      }
      BasicFileAttributes attributes =
          pinned
              .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              .readAttributes();
      if (attributes.isSymbolicLink()) {
        throw new ChangedException("it was replaced by a symbolic link");
      }
      if (!attributes.isRegularFile()) {
        return new Opened(null, attributes);
      }
      return new Opened(pinned.newByteChannel(name, noFollow()), attributes);
    }
  }

  private static Opened openByPath(Path real) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      if (attributes.isSymbolicLink()) {
        throw new ChangedException("it was replaced by a symbolic link");
      }
      return new Opened(null, attributes);
    }
    SeekableByteChannel channel = Files.newByteChannel(real, noFollow());
    try {
      Object after =
          Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .fileKey();
      if (!real.toRealPath().equals(real) || !Objects.equals(after, attributes.fileKey())) {
        throw new ChangedException("it changed while it was opened");
      }
      return new Opened(channel, attributes);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static Set<java.nio.file.OpenOption> noFollow() {
    return Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }
}
