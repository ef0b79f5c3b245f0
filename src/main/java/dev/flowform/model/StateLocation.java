package dev.flowform.model;

import java.nio.file.Path;

/** Where an environment's state lives, from its {@code spec.state}: a file or PostgreSQL. */
public sealed interface StateLocation {

  /** A JSON state file (with its journal, backup and lock beside it). */
  record File(Path path) implements StateLocation {}

  /** A state in a PostgreSQL database, named by the URL's key. */
  record Postgres(PostgresUrl url) implements StateLocation {}

  /**
   * A {@code spec.state} this run cannot use: it still holds a reference (an environment that was
   * not resolved) or is malformed (which validation reports with its position).
   *
   * @param why what is wrong, never showing a password
   */
  record Unusable(String why) implements StateLocation {}
}
