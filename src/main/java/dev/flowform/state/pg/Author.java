package dev.flowform.state.pg;

import dev.flowform.state.LockRequest;
import java.util.Objects;

/**
 * Who writes a state and why, as its history keeps it for each version.
 *
 * @param operation {@code apply}, {@code refresh}, {@code import}...
 * @param who the person and machine, e.g. {@code alice@build-7}
 * @param version flowform's version
 */
public record Author(String operation, String who, String version) {
  public Author {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(version, "version");
  }

  /** The author of a run that holds the lock it asked for with {@code request}. */
  public static Author of(LockRequest request, String version) {
    return new Author(request.operation(), request.who(), version);
  }
}
