package dev.flowform.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * A sensitive value and the reference it came from ({@code ${env:X}} or {@code ${file:p}}). The
 * value is absent when the reference could not be resolved and the command tolerates that (an
 * offline plan without secrets). Never printed: {@link #toString()} says {@code (sensitive)}.
 */
public final class Secret {
  private final String reference;
  private final String value;

  private Secret(String reference, String value) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.value = value;
  }

  public static Secret resolved(String reference, String value) {
    return new Secret(reference, Objects.requireNonNull(value, "value"));
  }

  public static Secret unresolved(String reference) {
    return new Secret(reference, null);
  }

  /** The source text, e.g. {@code ${env:HUBSPOT_CLIENT_SECRET}}: safe to show. */
  public String reference() {
    return reference;
  }

  public boolean isResolved() {
    return value != null;
  }

  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** The value, for the one place that sends it; fails when it did not resolve. */
  public String reveal() {
    if (value == null) {
      throw new IllegalStateException("secret " + reference + " is not resolved");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s
        && reference.equals(s.reference)
        && Objects.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, value);
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
