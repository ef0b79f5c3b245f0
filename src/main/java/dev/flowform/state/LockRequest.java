package dev.flowform.state;

import java.util.Objects;

/**
 * Who asks for the state lock and why.
 *
 * @param operation what will run while it is held: {@code plan}, {@code apply}, {@code refresh}...
 * @param who the person and machine, e.g. {@code alice@build-7}
 */
public record LockRequest(String operation, String who) {
  public LockRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(who, "who");
  }
}
