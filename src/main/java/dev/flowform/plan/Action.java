package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a plan does with one address. CREATE, UPDATE, REPLACE and DELETE send changes to the Flow
 * Service; MOVE only edits state; IMPORT reads the connection, records it, and PATCHes it when it
 * differs from the manifest.
 */
public enum Action {
  /** POST a new connection (or adopt the single one of its name, when recovering). */
  CREATE("+", "create"),
  /** PATCH name, description or credentials with If-Match. */
  UPDATE("~", "update"),
  /** DELETE then POST: the connection spec changed (only with --allow-replace). */
  REPLACE("-/+", "replace"),
  /** DELETE (prune, destroy). */
  DELETE("-", "delete"),
  /** Nothing to do. */
  NOOP(" ", "no-op"),
  /** In state but gone from the manifests; kept unless pruned. */
  ORPHAN("?", "orphan"),
  /** Would be created, but the platform already has a connection of that name: import it. */
  CONFLICT("!", "conflict"),
  /** A state record moves to a new address ({@code metadata.movedFrom}); nothing is sent. */
  MOVE(">", "move"),
  /** An existing connection is adopted into state ({@code spec.imports}): no POST. */
  IMPORT("<=", "import");

  private final String symbol;
  private final String label;

  Action(String symbol, String label) {
    this.symbol = symbol;
    this.label = label;
  }

  /** Terraform-style marker: {@code +}, {@code ~}, {@code -}, {@code -/+}. */
  public String symbol() {
    return symbol;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /** True when applying it does something: calls the Flow Service, or edits state (a move). */
  public boolean mutates() {
    return this != NOOP && this != ORPHAN && this != CONFLICT;
  }
}
