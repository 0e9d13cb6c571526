package org.ocaetl.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.ocaetl.db.SqlLiteral;
import org.ocaetl.db.SqlResource;

/**
 * Connections to a staging DuckDB file with the configured limits. DuckDB memory is native (outside
 * the heap), so {@code memory_limit} bounds it and {@code temp_directory} receives what spills, up
 * to {@code max_temp_directory_size} when one is configured.
 * Insertion order need not be preserved: every export orders explicitly.
 *
 * <p>DuckDB's own scheduler runs with one thread: every statement then runs on the Java thread that
 * executes it, and the configured {@link StagingLimits#threads()} is spent by running that many
 * statements at once on their own connections ({@link StagingExporter}). Measured on two cores:
 * with DuckDB at two threads, the client thread spins on DuckDB's task queue while the worker
 * thread runs, and each COPY cost about twice the CPU and three times the wall time; appends run
 * on the appending thread anyway, and the extra scheduler thread only competed with parsing.
 */
final class StagingDatabase {
  private StagingDatabase() {}

  /**
   * A new, empty staging file with the staging schema; an old file (and its WAL) is replaced. The
   * connection is returned inside a transaction that already holds the schema: the caller stages
   * everything in it and commits once, so the file is all-or-nothing and synced to disk once.
   *
   * <p>Why here: the JDBC driver opens its transaction only when a statement runs, and Appenders
   * run no statements. Without a statement first, every Appender flush (2,048 rows) committed on
   * its own and synced the WAL: 220 fsyncs for a 30,000-case file (measured with strace).
   */
  static DuckDBConnection create(Path db, StagingLimits limits) throws IOException, SQLException {
    delete(db);
    if (db.toAbsolutePath().getParent() != null) {
      Files.createDirectories(db.toAbsolutePath().getParent());
    }
    DuckDBConnection conn = connect(db, limits, false);
    try (Statement st = conn.createStatement()) {
      conn.setAutoCommit(false);
      for (String sql : SqlResource.of("sql/stage/schema.sql").statements()) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
    return conn;
  }

  /** An existing staging file, with results streamed so large reads never materialize. */
  static DuckDBConnection open(Path db, StagingLimits limits) throws IOException, SQLException {
    if (!Files.isRegularFile(db)) {
      throw new NoSuchFileException(db.toString(), null, "no staging database");
    }
    return connect(db, limits, true);
  }

  /** Removes a staging file and its write-ahead log. */
  static void delete(Path db) throws IOException {
    Files.deleteIfExists(db);
    Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
  }

  private static DuckDBConnection connect(Path db, StagingLimits limits, boolean streamResults)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("memory_limit", limits.memoryLimit());
    properties.setProperty("threads", "1");
    properties.setProperty("temp_directory", limits.tempDirectory().toAbsolutePath().toString());
    properties.setProperty("preserve_insertion_order", "false");
    properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, Boolean.toString(streamResults));
    DuckDBConnection conn =
        DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), properties).unwrap(DuckDBConnection.class);
    try {
      if (limits.maxTempDirectorySize() != null) {
        try (Statement st = conn.createStatement()) {
          st.execute(
              SqlResource.of("sql/stage/max_temp_directory_size.sql")
                  .with("size", SqlLiteral.size(limits.maxTempDirectorySize()))
                  .statement());
        }
      }
      limitOperators(conn, limits);
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
    return conn;
  }

  /** Sets the connection's {@link StagingLimits#operatorMemoryLimit()}. */
  static void limitOperators(DuckDBConnection conn, StagingLimits limits) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(
          SqlResource.of("sql/stage/operator_memory_limit.sql")
              .with("size", SqlLiteral.size(limits.operatorMemoryLimit()))
              .statement());
    }
  }
}
