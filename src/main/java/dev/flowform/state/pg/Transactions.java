package dev.flowform.state.pg;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection otherwise in auto-commit mode. */
final class Transactions {
  /** Work on a connection inside a transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  /** Commits when {@code work} returns, rolls back when it throws. */
  static <T> T run(Connection connection, int isolation, Work<T> work) throws SQLException {
    connection.setTransactionIsolation(isolation);
    connection.setAutoCommit(false);
    boolean committed = false;
    try {
      T result = work.run(connection);
      connection.commit();
      committed = true;
      return result;
    } finally {
      if (!committed) {
        rollbackQuietly(connection);
      }
      restore(connection);
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the first failure is the one reported; a lost connection rolls back by itself
    }
  }

  private static void restore(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      // the connection is broken: the next use reports it
    }
  }
}
