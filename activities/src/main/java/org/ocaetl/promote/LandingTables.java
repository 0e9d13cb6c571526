package org.ocaetl.promote;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlLiteral;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promotion's temp tables: one {@code net_<table>} per target table that accumulates the rows of
 * every file of the net change set with the file's position, one {@code landing_<table>} for
 * oca_metadata and oca_index that receives one file's staged CSV for its contract check, plus the
 * working tables of create_work_tables.sql. The staged child CSVs, almost all of a file's rows, are
 * copied straight into their net tables, so each of their rows is written once
 * (docs/design.md#net-effect-promotion). All are created once per transaction ({@code ON COMMIT
 * DROP}) and filled by a {@link LandingLoader}.
 */
final class LandingTables {
  private static final Logger LOG = LoggerFactory.getLogger(LandingTables.class);
  static final SqlIdentifier NET_CASE = SqlIdentifier.of("net_case");
  static final SqlIdentifier NET_DECISION = SqlIdentifier.of("net_decision");
  static final SqlIdentifier PREVIOUS_ADDRESS = SqlIdentifier.of("previous_address");

  /** The tables whose staged CSV lands in a landing table first; the child tables' go to net. */
  private static final List<OcaTable> LANDED = List.of(OcaTable.OCA_METADATA, OcaTable.OCA_INDEX);

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
      for (OcaTable table : LANDED) {
        st.execute(
            SqlResource.of("sql/promote/create_landing_table.sql")
                .with("landing_table", landingName(table))
                .with("table", SqlIdentifier.of(table.tableName()))
                .render());
      }
      for (OcaTable table : OcaTable.values()) {
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
   * Loads the twelve CSVs of {@code fileName} with the {@link LandingLoader}: oca_metadata and
   * oca_index into their emptied landing tables (then their planner statistics refreshed), the
   * child tables' appended to their net tables at {@code filePos}.
   *
   * @return rows loaded per table
   */
  Map<OcaTable, Long> load(String fileName, int filePos) throws SQLException, IOException {
    List<SqlIdentifier> landed = LANDED.stream().map(LandingTables::landingName).toList();
    execute(SqlResource.of("sql/promote/truncate_landing_tables.sql").with("tables", landed).render());
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      execute(SqlResource.of("sql/promote/set_net_file_pos.sql")
          .with("net_table", netName(child))
          .with("file_pos", SqlLiteral.number(filePos))
          .render());
    }
    Map<OcaTable, Long> rows = new EnumMap<>(OcaTable.class);
    for (OcaTable table : OcaTable.values()) {
      SqlIdentifier target = LANDED.contains(table) ? landingName(table) : netName(table);
      try {
        rows.put(table, loader.load(connection, target, table, fileName));
      } catch (SQLException e) {
        throw copyFailure(table, fileName, e);
      }
    }
    for (OcaTable table : LANDED) {
      requireLoaded(table, rows.get(table), count(landingName(table)), fileName);
    }
    long analyzing = System.nanoTime();
    analyze(landed);
    LOG.debug("Loaded {} rows per table of {}; ANALYZE took {} ms", rows, fileName,
        (System.nanoTime() - analyzing) / 1_000_000);
    return rows;
  }

  /**
   * Appends the landing tables' rows (one file) to the net change set at {@code filePos}, counting
   * oca_index's rows per id (net_row_counts).
   */
  void appendToNet(int filePos) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        SqlResource.of("sql/promote/append_net_metadata.sql")
            .with("columns", SqlIdentifier.columnsOf(OcaTable.OCA_METADATA))
            .render())) {
      ps.setInt(1, filePos);
      ps.executeUpdate();
    }
    String sql =
        SqlResource.of("sql/promote/append_net_rows.sql")
            .with("net_table", netName(OcaTable.OCA_INDEX))
            .with("landing_table", landingName(OcaTable.OCA_INDEX))
            .with("columns", SqlIdentifier.columnsOf(OcaTable.OCA_INDEX))
            .render();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setInt(1, filePos);
      ps.setString(2, OcaTable.OCA_INDEX.tableName());
      ps.setInt(3, filePos);
      ps.executeUpdate();
    }
  }

  /**
   * Counts the child tables' net rows per id and file (net_row_counts), once every file is copied
   * in, and checks that they hold exactly the rows the loader reported (an import that went to
   * another relation would otherwise go unnoticed).
   *
   * @param loaded rows loaded per table, summed over the set's files
   */
  void countChildRows(Map<OcaTable, Long> loaded) throws SQLException {
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      try (PreparedStatement ps = connection.prepareStatement(
          SqlResource.of("sql/promote/count_net_child_rows.sql").with("net_table", netName(child)).render())) {
        ps.setString(1, child.tableName());
        ps.executeUpdate();
      }
    }
    Map<String, Long> counted = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/sum_net_rows.sql").render())) {
      while (rs.next()) {
        counted.put(rs.getString(1), rs.getLong(2));
      }
    }
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      requireLoaded(child, loaded.getOrDefault(child, 0L), counted.getOrDefault(child.tableName(), 0L),
          "the net change set");
    }
  }

  private static void requireLoaded(OcaTable table, long loaded, long held, String what) throws SQLException {
    if (loaded != held) {
      throw new SQLException("The loader reported " + loaded + " rows of " + table.csvName() + " of " + what
          + " but its temp table holds " + held + " in this transaction");
    }
  }

  private long count(SqlIdentifier table) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(
            SqlResource.of("sql/promote/count_landing_rows.sql").with("landing_table", table).render())) {
      rs.next();
      return rs.getLong(1);
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
