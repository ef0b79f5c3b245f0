package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a plan does with one address. Only the first four send anything. */
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
  CONFLICT("!", "conflict");

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

  /** True when applying it calls the Flow Service. */
  public boolean mutates() {
    return this == CREATE || this == UPDATE || this == REPLACE || this == DELETE;
  }
}
