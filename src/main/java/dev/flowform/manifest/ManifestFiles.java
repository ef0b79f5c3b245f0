package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Every {@code *.yaml} and {@code *.yml} file under a folder, recursively, in sorted path order.
 * Symbolic links are followed: a linked-in manifest left out would look like a removed connection,
 * and {@code apply --prune} would delete it. So whatever cannot be listed or followed is an error
 * naming its path, never skipped: a broken link, a folder that cannot be read, a link that loops
 * back to a folder above it, and a manifest that is not a regular file (a FIFO, a device).
 */
final class ManifestFiles {
  /** The manifests found, and what could not be listed. */
  record Listing(List<Path> files, List<Diagnostic> problems) {}

  private ManifestFiles() {}

  static Listing under(Path dir, DisplayPath display) {
    List<Path> files = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    SimpleFileVisitor<Path> visitor =
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isSymbolicLink()) {
              problems.add(problem(display, file, "broken symbolic link: " + target(file)));
            } else if (isManifest(file) && !attributes.isRegularFile()) {
              problems.add(problem(display, file, "not a regular file (a FIFO, socket or device)"));
            } else if (isManifest(file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(problem(display, file, cause(e)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path folder, IOException e) {
            if (e != null) {
              problems.add(problem(display, folder, cause(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        };
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
    } catch (IOException e) {
      problems.add(problem(display, dir, cause(e)));
    }
    // each path's sort key computed once, not twice per comparison; every path starts with the
    // folder's, so what follows it sorts as the relative path does, without relativizing each
    int prefix = dir.toString().length();
    List<Path> sorted =
        files.stream()
            .map(p -> Map.entry(p.toString().substring(prefix).replace('\\', '/'), p))
            .sorted(Map.Entry.comparingByKey())
            .map(Map.Entry::getValue)
            .toList();
    return new Listing(sorted, problems);
  }

  private static Diagnostic problem(DisplayPath display, Path path, String what) {
    return Diagnostic.error(
        SourcePosition.ofFile(display.of(path)),
        "cannot read the manifests: " + what,
        "fix or remove it: nothing is planned or sent while part of the manifests is missing");
  }

  private static String cause(IOException e) {
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop: it leads back to a folder that contains it";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it vanished while being listed";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String target(Path link) {
    try {
      return "it points to " + Files.readSymbolicLink(link) + ", which does not exist";
    } catch (IOException | UnsupportedOperationException e) {
      return "its target does not exist";
    }
  }

  private static boolean isManifest(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
