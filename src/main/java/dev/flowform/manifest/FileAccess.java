package dev.flowform.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code ${file:}} may read: inside the project (the folder holding the manifests folder, so
 * {@code .secrets/} beside {@code manifests/} works), and inside the folders the user allowed
 * explicitly ({@code --allow-file-root}). Only regular files of at most {@link #MAX_BYTES} are
 * read.
 *
 * @param project the folder holding {@code --dir}
 * @param extraRoots folders beyond it, each an explicit opt-in
 */
public record FileAccess(Path project, List<Path> extraRoots) {
  /** The largest file {@code ${file:}} reads: 1 MiB. */
  public static final long MAX_BYTES = 1024 * 1024;

  public FileAccess {
    project = project.toAbsolutePath().normalize();
    extraRoots = extraRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** The project of a manifests folder: the folder that holds it. */
  public static FileAccess forManifests(Path dir, List<Path> extraRoots) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return new FileAccess(parent == null ? absolute : parent, extraRoots);
  }

  /** True when the (normalized, absolute) path lies inside the project or an allowed folder. */
  boolean allows(Path path) {
    return roots(false).stream().anyMatch(path::startsWith);
  }

  /** True when a path after following its links still lies inside a root (also followed). */
  boolean allowsReal(Path real) {
    return roots(true).stream().anyMatch(real::startsWith);
  }

  /** True when an absolute path in a reference falls inside a folder the user allowed. */
  boolean allowsAbsolute(Path path) {
    return extraRoots.stream().anyMatch(path.normalize()::startsWith);
  }

  private List<Path> roots(boolean real) {
    List<Path> roots = new ArrayList<>();
    roots.add(project);
    roots.addAll(extraRoots);
    if (!real) {
      return roots;
    }
    List<Path> resolved = new ArrayList<>();
    for (Path root : roots) {
      try {
        resolved.add(root.toRealPath());
      } catch (IOException e) {
        resolved.add(root); // a root that does not exist holds nothing real anyway
      }
    }
    return resolved;
  }
}
