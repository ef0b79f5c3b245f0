package dev.flowform.e2e.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A recipe's shell script, run with bash as a CI runner runs it ({@code -e}, {@code -o pipefail}),
 * in a folder, with exactly the given environment.
 *
 * @param script what ran
 * @param exitCode bash's exit code
 * @param out its stdout
 * @param err its stderr
 */
record ShellRun(String script, int exitCode, String out, String err) {

  static ShellRun run(String script, Path dir, Map<String, String> env) {
    try {
      Path scripts = Files.createDirectories(dir.resolveSibling("scripts"));
      Path file = Files.createTempFile(scripts, "step", ".sh");
      Files.writeString(file, script);
      Path out = Files.createTempFile(scripts, "step", ".out");
      Path err = Files.createTempFile(scripts, "step", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()))
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the step did not end in 120 s:\n" + script);
      }
      return new ShellRun(
          script, process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a failed assertion shows. */
  String shown() {
    return "exit "
        + exitCode
        + "\n--- script\n"
        + script
        + "--- stdout\n"
        + out
        + "--- stderr\n"
        + err;
  }
}
