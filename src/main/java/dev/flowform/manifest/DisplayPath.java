package dev.flowform.manifest;

import java.nio.file.Path;

/** Shows a path as the user should see it: relative to the working folder when inside it. */
final class DisplayPath {
  private final Path workDir;

  DisplayPath(Path workDir) {
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  Path absolute(Path path) {
    return workDir.resolve(path).toAbsolutePath().normalize();
  }

  String of(Path path) {
    Path absolute = workDir.resolve(path).toAbsolutePath().normalize();
    return absolute.startsWith(workDir)
        ? workDir.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }
}
