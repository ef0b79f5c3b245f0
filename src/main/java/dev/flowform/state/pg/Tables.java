package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;

/**
 * The qualified names of flowform's tables in the schema it owns. The schema name is checked by
 * {@link PostgresUrl} (lower-case letters, digits and {@code _}) and quoted here all the same.
 */
record Tables(String schema) {

  static Tables of(PostgresUrl url) {
    return new Tables(url.schema());
  }

  String schemaName() {
    return "\"" + schema + "\"";
  }

  String schemaVersion() {
    return table("schema_version");
  }

  String states() {
    return table("states");
  }

  String resources() {
    return table("resources");
  }

  String versions() {
    return table("versions");
  }

  String changes() {
    return table("changes");
  }

  String lockSlots() {
    return table("lock_slots");
  }

  String locks() {
    return table("locks");
  }

  private String table(String name) {
    return schemaName() + "." + name;
  }
}
