package org.ocaetl.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;

/**
 * Writes the PostgreSQL-ready CSVs and report.json of a staging database. All selection happens in
 * DuckDB: the winning version of every id (its last occurrence, rule 4) comes from the {@code
 * final_cases} view, and the CSVs are written by DuckDB's {@code COPY} in document order, so the
 * output of a file is deterministic and nothing proportional to it is held in the heap.
 */
public final class StagingExporter {
  static final String REPORT_FILE = "report.json";

  private final StagingLimits limits;

  public StagingExporter(StagingLimits limits) {
    this.limits = limits;
  }

  /**
   * Writes {@code <table>.csv} for all twelve tables and {@code report.json} (the parse report plus
   * every failure, rows per table, timings) into {@code outDir}.
   */
  public ExportReport export(Path stagingDb, Path outDir, ParseReport parse) throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(outDir);
    try (DuckDBConnection conn = StagingDatabase.open(stagingDb, limits)) {
      try (Statement st = conn.createStatement()) {
        for (String sql : SqlResource.statements(SqlResource.load("export_setup.sql"))) {
          st.execute(sql);
        }
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      for (OcaTable table : OcaTable.DATA_TABLES) {
        rows.put(table.tableName(), copy(conn, tableQuery(table), outDir.resolve(table.csvName())));
      }
      rows.put(
          OcaTable.OCA_METADATA.tableName(),
          copy(
              conn,
              SqlResource.template("export_metadata_query.sql", Map.of()),
              outDir.resolve(OcaTable.OCA_METADATA.csvName()),
              parse.extractDate()));
      ExportReport report =
          new ExportReport(
              Collections.unmodifiableMap(rows), (System.nanoTime() - started) / 1_000_000);
      ReportJsonWriter.write(outDir.resolve(REPORT_FILE), parse, report, conn);
      return report;
    } catch (SQLException e) {
      throw new IOException("export of staging database " + stagingDb + " failed: " + e.getMessage(), e);
    }
  }

  /** Writes one query's result as a CSV, binding the query's parameters; returns rows written. */
  private static long copy(DuckDBConnection conn, String query, Path target, Object... parameters)
      throws SQLException {
    String sql =
        SqlResource.statement(
            "copy_to_csv.sql",
            Map.of(
                "query", query,
                "target", SqlResource.stringLiteral(target.toAbsolutePath().toString())));
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
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
  static String tableQuery(OcaTable table) {
    StagingTable staging = StagingTable.of(table);
    List<String> select =
        table.columns().stream().map(c -> selectExpression(c, staging)).toList();
    return SqlResource.template(
        "export_table_query.sql",
        Map.of(
            "select_list", String.join(", ", select),
            "table", SqlResource.identifier(table.tableName())));
  }

  private static String selectExpression(Column column, StagingTable staging) {
    String name = SqlResource.identifier(column.name());
    if (name.equals(StagingTable.CASE_ID_COLUMN)) {
      return "l." + name + " AS " + name;
    }
    if (staging.stages(name)) {
      return "s." + name + " AS " + name;
    }
    return "CAST(NULL AS " + column.type().duckdb() + ") AS " + name;
  }
}
