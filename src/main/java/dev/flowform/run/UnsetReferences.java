package dev.flowform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The process environment completed for an offline status: every {@code ${env:NAME}} the manifests
 * use but the environment lacks (or has empty, as CI gives a secret it withholds) is given its own
 * reference text as value. Such a value passes the manifest rules (a reference is checked once
 * resolved) and marks itself as "not compared" in the matrix, so a pull request without secrets or
 * org ids still gets a status.
 */
final class UnsetReferences {
  private static final Pattern ENV_REF = Pattern.compile("(?<!\\$)\\$\\{env:([A-Za-z0-9_.-]+)}");

  private UnsetReferences() {}

  static Map<String, String> complete(Map<String, String> env, Path dir) {
    Map<String, String> out = new HashMap<>(env);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .forEach(file -> addMissing(read(file), out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void addMissing(String text, Map<String, String> out) {
    Matcher matcher = ENV_REF.matcher(text);
    while (matcher.find()) {
      if (out.getOrDefault(matcher.group(1), "").isEmpty()) {
        out.put(matcher.group(1), matcher.group());
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // the loader reports unreadable files itself
    }
  }
}
