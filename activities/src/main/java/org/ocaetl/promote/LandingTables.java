package org.ocaetl.promote;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promotion's temp tables: one {@code landing_<table>} per target table that receives one file's
 * staged CSV, one {@code net_<table>} per target table that accumulates the rows of every file of
 * the net change set with the file's position, plus the working tables of create_work_tables.sql.
 * All are created once per transaction ({@code ON COMMIT DROP}); the landing tables are emptied
 * between files and filled by a {@link LandingLoader}.
 */
final class LandingTables {
  private static final Logger LOG = LoggerFactory.getLogger(LandingTables.class);
  static final SqlIdentifier NET_CASE = SqlIdentifier.of("net_case");
  static final SqlIdentifier NET_DECISION = SqlIdentifier.of("net_decision");
  static final SqlIdentifier PREVIOUS_ADDRESS = SqlIdentifier.of("previous_address");

  private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");
  private static final Pattern QUOTED_VALUE = Pattern.compile("\"[^\"]*\"");

  private final Connection connection;
  private final LandingLoader loader;

  private LandingTables(Connection connection, LandingLoader loader) {
    this.connection = connection;
    this.loader = loader;
  }

  /** Creates the temp tables in the current transaction (search path already set). */
  static LandingTables create(Connection connection, LandingLoader loader) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (OcaTable table : OcaTable.values()) {
        st.execute(
            SqlResource.of("sql/promote/create_landing_table.sql")
                .with("landing_table", landingName(table))
                .with("table", SqlIdentifier.of(table.tableName()))
                .render());
        st.execute(
            SqlResource.of("sql/promote/create_net_table.sql")
                .with("net_table", netName(table))
                .with("table", SqlIdentifier.of(table.tableName()))
                .render());
      }
      st.execute(SqlResource.of("sql/promote/create_work_tables.sql").render());
    }
    return new LandingTables(connection, loader);
  }

  static SqlIdentifier landingName(OcaTable table) {
    return SqlIdentifier.of("landing_" + table.tableName());
  }

  static SqlIdentifier netName(OcaTable table) {
    return SqlIdentifier.of("net_" + table.tableName());
  }

  /**
   * Replaces the staged rows with the twelve CSVs of {@code fileName}, loaded by the {@link
   * LandingLoader}, then refreshes the planner statistics.
   *
   * @return rows loaded per table
   */
  Map<OcaTable, Long> load(String fileName) throws SQLException, IOException {
    List<SqlIdentifier> all = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      all.add(landingName(table));
    }
    execute(SqlResource.of("sql/promote/truncate_landing_tables.sql").with("tables", all).render());

    Map<OcaTable, Long> rows = new EnumMap<>(OcaTable.class);
    for (OcaTable table : OcaTable.values()) {
      try {
        rows.put(table, loader.load(connection, landingName(table), table, fileName));
      } catch (SQLException e) {
        throw copyFailure(table, fileName, e);
      }
    }
    long analyzing = System.nanoTime();
    analyze(all);
    LOG.debug("Loaded {} rows per table of {}; ANALYZE took {} ms", rows, fileName,
        (System.nanoTime() - analyzing) / 1_000_000);
    return rows;
  }

  /**
   * Appends the landing tables' rows (one file, checked) to the net change set at {@code filePos},
   * counting the data tables' rows per id (net_row_counts).
   */
  void appendToNet(int filePos) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        SqlResource.of("sql/promote/append_net_metadata.sql")
            .with("columns", SqlIdentifier.columnsOf(OcaTable.OCA_METADATA))
            .render())) {
      ps.setInt(1, filePos);
      ps.executeUpdate();
    }
    for (OcaTable table : OcaTable.DATA_TABLES) {
      String sql =
          SqlResource.of("sql/promote/append_net_rows.sql")
              .with("net_table", netName(table))
              .with("landing_table", landingName(table))
              .with("columns", SqlIdentifier.columnsOf(table))
              .render();
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setInt(1, filePos);
        ps.setString(2, table.tableName());
        ps.setInt(3, filePos);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Refreshes the statistics of the net tables whose plans depend on them (the per-id lookups):
   * the metadata, oca_index and address rows. The large child tables are only scanned once each
   * by the inserts, so sampling them is not worth its reads.
   */
  void analyzeNet() throws SQLException {
    analyze(List.of(
        netName(OcaTable.OCA_METADATA), netName(OcaTable.OCA_INDEX), netName(OcaTable.OCA_ADDRESSES)));
  }

  void analyze(List<SqlIdentifier> tables) throws SQLException {
    execute(SqlResource.of("sql/promote/analyze_tables.sql").with("tables", tables).render());
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /**
   * Describes a failed COPY by file, table, CSV line and server message. PostgreSQL's error context
   * can quote a whole CSV line, so for oca_addresses (street addresses, docs/processing-rules.md#rule-15) the quoted values
   * are masked and the original exception, which carries that context, is not attached.
   */
  private static SQLException copyFailure(OcaTable table, String fileName, SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String reason = server != null && server.getMessage() != null ? server.getMessage() : "";
    String line = "";
    if (server != null && server.getWhere() != null) {
      Matcher m = COPY_LINE.matcher(server.getWhere());
      if (m.find()) {
        line = " at line " + m.group(1);
      }
    }
    String prefix = "Loading " + table.csvName() + " of " + fileName + " failed" + line;
    if (table == OcaTable.OCA_ADDRESSES) {
      String masked = QUOTED_VALUE.matcher(reason).replaceAll("\"***\"");
      return new SQLException(
          prefix + ": " + (masked.isEmpty() ? "SQLState " + e.getSQLState() : masked),
          e.getSQLState());
    }
    return new SQLException(prefix + ": " + (reason.isEmpty() ? e.getMessage() : reason), e.getSQLState(), e);
  }
}
