package dev.flowform.manifest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One folder of the bad-input corpus: {@code manifests/}, {@code expected.txt} (the exact
 * diagnostics) and an optional {@code case.properties}: {@code env}, {@code resolution}, {@code
 * vars} (NAME=value,...) and {@code schema=exempt: why} for inputs only the cross-document rules or
 * interpolation can catch.
 */
record CorpusCase(Path dir, Properties properties) {

  static List<CorpusCase> all(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().map(CorpusCase::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CorpusCase of(Path dir) {
    Properties properties = new Properties();
    Path file = dir.resolve("case.properties");
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new CorpusCase(dir, properties);
  }

  String name() {
    return dir.getFileName().toString();
  }

  Optional<String> environment() {
    return Optional.ofNullable(properties.getProperty("env"));
  }

  Resolution resolution() {
    return Resolution.valueOf(properties.getProperty("resolution", "STRUCTURE"));
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    String vars = properties.getProperty("vars", "");
    for (String pair : vars.split(",")) {
      if (!pair.isBlank()) {
        String[] kv = pair.split("=", 2);
        env.put(kv[0], kv[1]);
      }
    }
    return env;
  }

  boolean schemaExempt() {
    return properties.getProperty("schema", "").startsWith("exempt");
  }

  List<String> expected() {
    try {
      return Files.readAllLines(dir.resolve("expected.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LoadResult load() {
    return new ManifestLoader(dir, env()).load(Path.of("manifests"), environment(), resolution());
  }

  @Override
  public String toString() {
    return name();
  }
}
