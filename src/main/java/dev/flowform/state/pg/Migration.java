package dev.flowform.state.pg;

import java.util.List;

/** One step of flowform's schema: applied once, in one transaction, recorded by its version. */
record Migration(int version, String description, List<String> statements) {
  Migration {
    statements = List.copyOf(statements);
  }
}
