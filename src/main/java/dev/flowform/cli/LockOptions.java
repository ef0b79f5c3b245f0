package dev.flowform.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --lock-timeout}, for the commands that take the state lock. */
public final class LockOptions {

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "0s",
      description =
          "How long to wait for the state lock before failing, like 30s or 2m (default: ${DEFAULT-VALUE}).")
  Duration lockTimeout;

  public Duration timeout() {
    return lockTimeout;
  }
}
