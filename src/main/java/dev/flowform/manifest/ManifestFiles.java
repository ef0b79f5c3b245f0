package dev.flowform.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every {@code *.yaml} and {@code *.yml} file under a folder, recursively, in sorted path order.
 * Symbolic links are followed: a linked-in manifest left out would look like a removed connection.
 */
final class ManifestFiles {
  private ManifestFiles() {}

  static List<Path> under(Path dir) {
    try (Stream<Path> walk =
        Files.find(
            dir,
            Integer.MAX_VALUE,
            (p, attributes) -> attributes.isRegularFile(),
            FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(ManifestFiles::isManifest)
          .map(p -> new Keyed(dir.relativize(p).toString().replace('\\', '/'), p))
          .sorted(Comparator.comparing(Keyed::key))
          .map(Keyed::path)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Keyed(String key, Path path) {}

  private static boolean isManifest(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
