package dev.flowform.manifest;

import dev.flowform.diag.FlowformException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A state location given on the command line ({@code state migrate --to}), resolved as {@code
 * spec.state} is: {@code ${env:NAME}} and {@code ${file:PATH}} read, every value read a secret the
 * run's scrubber learns before the URL is parsed, so the password need not be typed where {@code
 * ps} shows it.
 */
public final class StateLocations {
  private StateLocations() {}

  /**
   * @param option how messages name the option, e.g. {@code --to}
   * @param baseDir the folder {@code ${file:}} paths are relative to (where flowform was started)
   * @param files where {@code ${file:}} may read
   * @param secrets told every value read
   * @throws FlowformException naming each reference that did not resolve (never a value)
   */
  public static String resolve(
      String option,
      String written,
      Path baseDir,
      Map<String, String> env,
      FileAccess files,
      Consumer<String> secrets) {
    Path dir = baseDir.toAbsolutePath();
    Interpolator.Result result =
        new Interpolator(env, Map.of(), option, files, SecretSources.ofText(written, dir), secrets)
            .interpolate(written, dir);
    if (result.ok()) {
      return result.value();
    }
    List<Interpolator.Failure> failures = result.failures();
    throw new FlowformException(
        option
            + ": "
            + failures.stream()
                .map(Interpolator.Failure::message)
                .collect(Collectors.joining("; ")),
        failures.stream()
            .map(Interpolator.Failure::hint)
            .filter(h -> h != null)
            .findFirst()
            .orElse(null));
  }
}
