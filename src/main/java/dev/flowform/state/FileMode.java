package dev.flowform.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The permissions of every file written beside a state (the state itself, its journal, backup, lock
 * and lock info): the state's own mode, or owner read and write only while there is no state yet.
 * What the state holds, its neighbours hold too, so none is more readable than it. Where the file
 * system has no POSIX permissions, nothing is changed.
 */
record FileMode(Optional<Set<PosixFilePermission>> permissions) {
  static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  FileMode {
    permissions = permissions.map(Set::copyOf);
  }

  /** The mode of the files beside {@code stateFile}, read now. */
  static FileMode of(Path stateFile) {
    Path dir = stateFile.toAbsolutePath().getParent();
    if (dir == null
        || !Files.isDirectory(dir)
        || Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
      return new FileMode(posix() ? Optional.of(OWNER_ONLY) : Optional.empty());
    }
    try {
      return new FileMode(Optional.of(Files.getPosixFilePermissions(stateFile)));
    } catch (IOException | UnsupportedOperationException e) {
      return new FileMode(Optional.of(OWNER_ONLY)); // no state yet
    }
  }

  /** Gives {@code file} this mode. */
  void applyTo(Path file) throws IOException {
    if (permissions.isEmpty()) {
      return;
    }
    try {
      Files.setPosixFilePermissions(file, permissions.get());
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own defaults apply
    }
  }

  private static boolean posix() {
    return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
