package org.ocaetl.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlKeyword;
import org.ocaetl.db.SqlLiteral;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the PostgreSQL-ready CSVs and report.json of a staging database. All selection happens in
 * DuckDB: the winning version of every id (its last occurrence, docs/processing-rules.md#rule-4; none when the file
 * deletes the id, docs/processing-rules.md#rule-6) comes from the {@code final_cases} table, and the CSVs are written by
 * DuckDB's {@code COPY} ordered by case id (a case's rows in document order; the order PostgreSQL
 * inserts them fastest), so the output of a file is deterministic and nothing proportional to it
 * is held in the heap. Up to {@link StagingLimits#threads()} CSVs are written at once, each by its
 * own connection.
 */
public final class StagingExporter {
  private static final Logger LOG = LoggerFactory.getLogger(StagingExporter.class);
  static final String REPORT_FILE = "report.json";

  private final StagingLimits limits;

  public StagingExporter(StagingLimits limits) {
    this.limits = limits;
  }

  /** One CSV to write: a query with its bound parameters. */
  private record CsvCopy(OcaTable table, SqlResource query, Path target, Object... parameters) {}

  /**
   * Writes {@code <table>.csv} for all twelve tables and {@code report.json} (the parse report plus
   * every failure, rows per table, timings) into {@code outDir}.
   */
  public ExportReport export(Path stagingDb, Path outDir, ParseReport parse) throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(outDir);
    List<CsvCopy> copies = new ArrayList<>();
    for (OcaTable table : OcaTable.DATA_TABLES) {
      copies.add(new CsvCopy(table, tableQuery(table), outDir.resolve(table.csvName())));
    }
    copies.add(
        new CsvCopy(
            OcaTable.OCA_METADATA,
            SqlResource.of("sql/stage/export_metadata_query.sql"),
            outDir.resolve(OcaTable.OCA_METADATA.csvName()),
            parse.extractDate()));
    try (DuckDBConnection conn = StagingDatabase.open(stagingDb, limits)) {
      long[] counts = copyAll(conn, copies, stagingDb);
      Map<String, Long> rows = new LinkedHashMap<>();
      for (int i = 0; i < copies.size(); i++) {
        rows.put(copies.get(i).table().tableName(), counts[i]);
      }
      ExportReport report =
          new ExportReport(
              Collections.unmodifiableMap(rows), (System.nanoTime() - started) / 1_000_000);
      ReportJsonWriter.write(outDir.resolve(REPORT_FILE), parse, report, conn);
      return report;
    } catch (SQLException e) {
      throw StagingSpaceException.of("export of staging database " + stagingDb, e, limits);
    }
  }

  /**
   * Runs the copies {@link StagingLimits#threads()} at a time; returns the rows written per copy.
   * When DuckDB runs out of memory with several at once, the copies not written yet are run again
   * one at a time, each with the sort memory of one: DuckDB 2.0 cannot always spill two concurrent
   * sorts of a large file within a small budget, where one at a time fits
   * (docs/benchmarks.md#operator-memory).
   */
  private long[] copyAll(DuckDBConnection conn, List<CsvCopy> copies, Path stagingDb) throws SQLException {
    long[] counts = new long[copies.size()];
    boolean[] written = new boolean[copies.size()];
    try {
      copyConcurrently(conn, copies, counts, written);
    } catch (SQLException e) {
      if (limits.threads() < 2 || !isOutOfMemory(e)) {
        throw e;
      }
      LOG.warn("export of {}: DuckDB ran out of memory ({}) writing {} CSVs at once; writing the rest one at a time",
          stagingDb, limits.memoryLimit(), limits.threads());
      StagingDatabase.limitOperators(conn, limits.oneAtATime());
      for (int i = 0; i < copies.size(); i++) {
        if (!written[i]) {
          counts[i] = copy(conn, copies.get(i));
        }
      }
    }
    return counts;
  }

  /**
   * Runs the copies on the calling thread plus up to {@code threads - 1} helpers, each with its own
   * connection to the same database. The first failure stops the others from starting new copies
   * and is rethrown.
   */
  private void copyConcurrently(DuckDBConnection conn, List<CsvCopy> copies, long[] counts, boolean[] written)
      throws SQLException {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> helpers = new ArrayList<>();
    try {
      for (int h = 1; h < Math.min(limits.threads(), copies.size()); h++) {
        DuckDBConnection own = conn.duplicate();
        helpers.add(
            Thread.ofPlatform()
                .name("oca-export-" + h)
                .start(
                    () -> {
                      try (own) {
                        StagingDatabase.limitOperators(own, limits); // a per-connection setting
                        copyEach(own, copies, next, counts, written, failure);
                      } catch (SQLException e) {
                        failure.compareAndSet(null, e);
                      }
                    }));
      }
      copyEach(conn, copies, next, counts, written, failure);
    } finally {
      joinAll(helpers); // they use this database: it must not close under them
    }
    Exception e = failure.get();
    if (e instanceof SQLException sql) {
      throw sql;
    }
    if (e != null) {
      throw (RuntimeException) e;
    }
  }

  private static void copyEach(
      DuckDBConnection conn,
      List<CsvCopy> copies,
      AtomicInteger next,
      long[] counts,
      boolean[] written,
      AtomicReference<Exception> failure) {
    for (int i = next.getAndIncrement(); i < copies.size(); i = next.getAndIncrement()) {
      if (failure.get() != null) {
        return;
      }
      try {
        counts[i] = copy(conn, copies.get(i));
        written[i] = true;
      } catch (SQLException | RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /** DuckDB's error for a statement that could not stay within {@code memory_limit}. */
  private static boolean isOutOfMemory(SQLException e) {
    return e.getMessage() != null && e.getMessage().startsWith("Out of Memory Error");
  }

  private static void joinAll(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // a running COPY cannot be abandoned; keep the flag for the caller
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes one query's result as a CSV, binding the query's parameters; returns rows written. */
  private static long copy(DuckDBConnection conn, CsvCopy copy) throws SQLException {
    String sql =
        SqlResource.of("sql/stage/copy_to_csv.sql")
            .with("query", copy.query())
            .with("target", SqlLiteral.path(copy.target()))
            .statement();
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < copy.parameters().length; i++) {
        ps.setObject(i + 1, copy.parameters()[i]);
      }
      ps.execute();
      return ps.getUpdateCount();
    }
  }

  /**
   * The export query of a data table: its catalog columns in order, IndexNumberId joined from the
   * exported case versions, the staged columns from its staging table (arrays already PostgreSQL
   * literals) and the columns that are not staged (the geocoder output) as typed NULLs.
   */
  static SqlResource tableQuery(OcaTable table) {
    StagingTable staging = StagingTable.of(table);
    List<SqlResource> select =
        table.columns().stream().map(c -> selectExpression(c, staging)).toList();
    return SqlResource.of("sql/stage/export_table_query.sql")
        .withAll("select_list", select)
        .with("table", SqlIdentifier.of(table.tableName()));
  }

  private static SqlResource selectExpression(Column column, StagingTable staging) {
    SqlIdentifier name = SqlIdentifier.of(column.name());
    if (column.name().equals(StagingTable.CASE_ID_COLUMN)) {
      return SqlResource.of("sql/stage/export_column_case_id.sql").with("column", name);
    }
    if (staging.stages(column.name())) {
      return SqlResource.of("sql/stage/export_column_staged.sql").with("column", name);
    }
    SqlKeyword type = column.type()::duckdb;
    return SqlResource.of("sql/stage/export_column_not_staged.sql").with("type", type).with("column", name);
  }
}
