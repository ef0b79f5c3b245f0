package dev.flowform.e2e.ci;

import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the project's example {@code manifests/} in a temporary checkout, its real environments
 * (dev, stage, prod) pointed at a running emulator instead of AEP and, when asked, at the test
 * suite's PostgreSQL for state (the URL names no user, as docs/ci.md says); and the runner a CI job
 * starts from (an empty HOME, Java on the PATH, nothing else).
 */
final class CiProject {
  static final List<String> REAL = List.of("dev", "stage", "prod");

  private final Path checkout;
  private final Path home;

  CiProject(Path root) {
    this.checkout = root.resolve("checkout");
    this.home = root.resolve("home");
    try {
      Files.createDirectories(home);
      copy(Path.of("manifests"), checkout.resolve("manifests"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path checkout() {
    return checkout;
  }

  Path home() {
    return home;
  }

  /** The key docs/ci.md gives an environment's state in the database. */
  static String key(String environment) {
    return "marketing-" + environment;
  }

  /** The state URL of an environment in {@code schema}, with no user and no password. */
  static String stateUrl(PostgresUrl server, String schema, String environment) {
    return "postgresql://%s:%d/%s?schema=%s&key=%s"
        .formatted(server.host(), server.port(), server.database(), schema, key(environment));
  }

  /**
   * Points a real environment at the emulator, and its state at {@code stateUrl} (or leaves the
   * default state file when it is null).
   */
  void pointAt(String environment, FlowServiceEmulator emulator, String stateUrl) {
    Path file = checkout.resolve("manifests/environments/" + environment + ".yaml");
    StringBuilder out = new StringBuilder();
    for (String line : read(file).split("\n")) {
      if (line.startsWith("  endpoint:")) {
        continue;
      }
      out.append(line).append('\n');
      if (line.startsWith("  sandbox:")) {
        out.append("  endpoint: ").append(emulator.flowServiceUrl()).append('\n');
        if (stateUrl != null) {
          out.append("  state: \"").append(stateUrl).append("\"\n");
        }
      } else if (line.strip().startsWith("clientSecret: ${env:AEP_CLIENT_SECRET}")) {
        out.append("    imsEndpoint: ").append(emulator.imsUrl()).append('\n');
      }
    }
    String text = out.toString();
    if (!text.contains("imsEndpoint") || !text.contains("endpoint: http://")) {
      throw new AssertionError("the example environment changed shape: " + file);
    }
    write(file, text);
  }

  /**
   * What a fresh runner's shell holds: Java on the PATH (the setup-java step), an empty HOME, and
   * CI's usual markers; the runner's JVM options are the test's, not the recipe's.
   */
  Map<String, String> runner(Map<String, String> ciMarkers) {
    Path java = Path.of(System.getProperty("java.home"), "bin");
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("PATH", java + ":/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("CI", "true");
    // the JVM options bin/flowform gives: on a busy two-core machine they halve each run's time
    env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    env.putAll(ciMarkers);
    return env;
  }

  String read(String relative) {
    return read(checkout.resolve(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String relative, String text) {
    write(checkout.resolve(relative), text);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
