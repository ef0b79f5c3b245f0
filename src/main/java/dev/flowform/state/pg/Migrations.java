package dev.flowform.state.pg;

import java.util.List;

/**
 * Every version of flowform's schema, oldest first. A migration is never edited once released: a
 * change is a new one. Tables are created without {@code IF NOT EXISTS}, so that a schema holding
 * someone else's tables of the same names is refused instead of silently shared.
 *
 * <p>Version 1:
 *
 * <ul>
 *   <li>{@code states}: one row per key, the header of its current state (format version, lineage,
 *       serial, binding, salt)
 *   <li>{@code resources}: one row per key and address, the resource's JSON document as the state
 *       file holds it (salted fingerprints only, never a secret)
 *   <li>{@code versions}: one row per serial: who, when, which operation, and the header then
 *   <li>{@code changes}: one row per address set ({@code doc}) or removed ({@code doc} null) at a
 *       serial, from which any kept serial is rebuilt
 *   <li>{@code lock_slots}: a number per key, never reused, that names the key's advisory lock
 *   <li>{@code locks}: who holds a key's lock, while it is held
 * </ul>
 *
 * <p>Version 2: {@code lock_slots.epoch}, the fencing token: moved on by every acquisition of the
 * key's lock, and checked by every write of the state in the write's own transaction, so a run that
 * lost its lock (its session ended, another run took it) can no longer record anything.
 *
 * <p>Version 3: what the database can enforce of a state's integrity, as every read checks it: one
 * address per resource id in a key ({@code resources_one_address_per_id}, checked at commit so a
 * move or a swap within one write passes), and an id shaped like the platform's, a UUID (a mapping
 * set's is written without dashes) ({@code resources_id_form}, checked for new rows only, so that a
 * database holding a bad row can still be migrated and repaired).
 */
final class Migrations {
  private Migrations() {}

  static int latest() {
    return 3;
  }

  static List<Migration> all(Tables t) {
    return List.of(
        new Migration(
            1,
            "states, resources, history and locks",
            List.of(
                "CREATE TABLE "
                    + t.states()
                    + " (key text PRIMARY KEY, format_version integer NOT NULL,"
                    + " lineage text NOT NULL, serial bigint NOT NULL CHECK (serial >= 0),"
                    + " environment text NOT NULL, sandbox text NOT NULL, org_id text,"
                    + " endpoint text NOT NULL, fingerprint_salt text NOT NULL)",
                "CREATE TABLE "
                    + t.resources()
                    + " (key text NOT NULL REFERENCES "
                    + t.states()
                    + " (key) ON DELETE CASCADE, address text NOT NULL, doc jsonb NOT NULL,"
                    + " PRIMARY KEY (key, address))",
                "CREATE TABLE "
                    + t.versions()
                    + " (key text NOT NULL REFERENCES "
                    + t.states()
                    + " (key) ON DELETE CASCADE, serial bigint NOT NULL,"
                    + " at timestamptz NOT NULL, operation text NOT NULL, who text NOT NULL,"
                    + " flowform_version text NOT NULL, format_version integer NOT NULL,"
                    + " lineage text NOT NULL, environment text NOT NULL, sandbox text NOT NULL,"
                    + " org_id text, endpoint text NOT NULL, fingerprint_salt text NOT NULL,"
                    + " PRIMARY KEY (key, serial))",
                "CREATE TABLE "
                    + t.changes()
                    + " (key text NOT NULL, serial bigint NOT NULL, address text NOT NULL,"
                    + " doc jsonb, PRIMARY KEY (key, address, serial),"
                    + " FOREIGN KEY (key, serial) REFERENCES "
                    + t.versions()
                    + " (key, serial) ON DELETE CASCADE)",
                "CREATE INDEX changes_by_serial ON " + t.changes() + " (key, serial)",
                "CREATE TABLE "
                    + t.lockSlots()
                    + " (key text PRIMARY KEY,"
                    + " slot integer GENERATED ALWAYS AS IDENTITY UNIQUE)",
                "CREATE TABLE "
                    + t.locks()
                    + " (key text PRIMARY KEY, lock_id text NOT NULL, operation text NOT NULL,"
                    + " who text NOT NULL, pid bigint NOT NULL, flowform_version text NOT NULL,"
                    + " since timestamptz NOT NULL, server_pid integer NOT NULL)")),
        new Migration(
            2,
            "fencing tokens",
            List.of(
                "ALTER TABLE "
                    + t.lockSlots()
                    + " ADD COLUMN epoch bigint NOT NULL DEFAULT 0 CHECK (epoch >= 0)")),
        new Migration(
            3,
            "one address per id, ids shaped like the platform's",
            List.of(
                "ALTER TABLE "
                    + t.resources()
                    + " ADD CONSTRAINT resources_one_address_per_id EXCLUDE USING btree"
                    + " (key WITH =, lower(doc->>'id') WITH =) WHERE (doc->>'id' IS NOT NULL)"
                    + " DEFERRABLE INITIALLY DEFERRED",
                "ALTER TABLE "
                    + t.resources()
                    + " ADD CONSTRAINT resources_id_form CHECK (doc->>'id' IS NULL OR doc->>'id'"
                    + " ~ '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                    + "[0-9a-fA-F]{12}$') NOT VALID")));
  }
}
