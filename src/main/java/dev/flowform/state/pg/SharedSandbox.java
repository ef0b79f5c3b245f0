package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.StateConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two state keys of one schema bound to the same sandbox (same sandbox, org and endpoint) take two
 * different locks: their runs could apply at once and create each other's connections twice. So a
 * key is refused when another key of its schema is bound to its sandbox, unless its URL asks for it
 * ({@code shared_sandbox=true}). Writes check it in their own transaction, serialized per sandbox
 * by a transaction-scoped advisory lock, so two new keys written at once cannot both pass.
 */
final class SharedSandbox {
  private SharedSandbox() {}

  /**
   * @param serialize take the sandbox's transaction lock first (in a write's transaction)
   * @throws StateConflictException when another key is bound to the same sandbox and {@code url}
   *     does not ask to share it
   */
  static void check(
      Connection c,
      PostgresUrl url,
      String sandbox,
      String orgId,
      String endpoint,
      boolean serialize)
      throws SQLException {
    if (url.sharesSandbox() || sandbox == null || endpoint == null) {
      return;
    }
    if (serialize) {
      try (PreparedStatement lock =
          c.prepareStatement(
              "SELECT pg_advisory_xact_lock(hashtext('flowform.sandbox'), hashtext(?))")) {
        lock.setString(1, sandbox + "\n" + (orgId == null ? "" : orgId) + "\n" + endpoint);
        lock.execute();
      }
    }
    List<String> others = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT key FROM "
                + Tables.of(url).states()
                + " WHERE key <> ? AND sandbox = ? AND endpoint = ?"
                + " AND org_id IS NOT DISTINCT FROM ? ORDER BY key LIMIT 5")) {
      query.setString(1, url.key());
      query.setString(2, sandbox);
      query.setString(3, endpoint);
      query.setString(4, orgId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          others.add(rows.getString(1));
        }
      }
    }
    if (!others.isEmpty()) {
      throw new StateConflictException(
          Failures.where(url)
              + " is bound to sandbox '"
              + sandbox
              + "' (the same org and endpoint), and so is state '"
              + String.join("', '", others)
              + "' of the same schema: runs of two keys do not lock each other out, and could"
              + " create the same connections twice; nothing was recorded",
          "give the environments that target this sandbox one state key (key=... in the state"
              + " URL), or, if they manage different connections on purpose, add"
              + " shared_sandbox=true to the state URL of each");
    }
  }
}
