package org.ocaetl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Transactions whose unqualified table names resolve in one configured schema. The search path is
 * set with {@code SET LOCAL} semantics (transaction-scoped), which also works behind a transaction-
 * mode pooler and never leaks into the next user of a pooled connection.
 */
public final class SchemaSession {
  /** What pg_export_snapshot() returns, e.g. 00000003-0000001B-1. */
  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]{8}(-[0-9A-F]{8})+-[0-9]+");

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
    return openSnapshot(dataSource, schema, null);
  }

  /**
   * Opens a read-only REPEATABLE READ transaction on {@code schema} that sees exactly the snapshot
   * another transaction exported with {@code pg_export_snapshot()}, so exports can run on several
   * connections and still agree with each other. The id is checked against the server's format:
   * {@code SET TRANSACTION SNAPSHOT} takes no bind parameters and must be the transaction's first
   * statement.
   */
  public static Connection joinSnapshot(DataSource dataSource, SqlIdentifier schema, String snapshotId)
      throws SQLException {
    if (snapshotId == null || !SNAPSHOT_ID.matcher(snapshotId).matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL snapshot id: " + snapshotId);
    }
    return openSnapshot(dataSource, schema, snapshotId);
  }

  /** A read-only REPEATABLE READ transaction, on its own snapshot or on {@code snapshotId}. */
  private static Connection openSnapshot(DataSource dataSource, SqlIdentifier schema, String snapshotId)
      throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      if (snapshotId != null) {
        try (Statement st = c.createStatement()) {
          st.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
        }
      }
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
