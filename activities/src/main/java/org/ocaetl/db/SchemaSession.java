package org.ocaetl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Transactions whose unqualified table names resolve in one configured schema. The search path is
 * set with {@code SET LOCAL} semantics (transaction-scoped), which also works behind a transaction-
 * mode pooler and never leaks into the next user of a pooled connection.
 */
public final class SchemaSession {
  private SchemaSession() {}

  /** Opens a connection, starts a transaction (autocommit off) and points it at {@code schema}. */
  public static Connection begin(DataSource dataSource, SqlIdentifier schema) throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      useSchema(c, schema);
      return c;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailure(c, e);
      throw e;
    }
  }

  /**
   * Opens a read-only REPEATABLE READ transaction on {@code schema}: every statement sees the same
   * snapshot, so several exports are consistent with each other even while a promotion commits.
   */
  public static Connection beginSnapshot(DataSource dataSource, SqlIdentifier schema)
      throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      useSchema(c, schema);
      return c;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailure(c, e);
      throw e;
    }
  }

  /** Sets the transaction's search path to exactly {@code schema} (temp tables still resolve first). */
  public static void useSchema(Connection c, SqlIdentifier schema) throws SQLException {
    useSchemas(c, List.of(schema));
  }

  /**
   * Sets the transaction's search path to {@code schemas} in this order: the oca schema first (where
   * unqualified names are created), then e.g. the schema of the PostGIS extension.
   */
  public static void useSchemas(Connection c, List<SqlIdentifier> schemas) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SqlResource.of("sql/db/set_search_path.sql").render())) {
      ps.setString(1, String.join(", ", schemas.stream().map(SqlIdentifier::quoted).toList()));
      ps.execute();
    }
  }

  /** Rolls back and closes after a failure, keeping the original exception as the one thrown. */
  public static void closeAfterFailure(Connection c, Throwable failure) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    try {
      c.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
