package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.LedgerCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the net change set (every checked file of the promotion, appended to the net tables) to
 * the main tables with set-based statements run once for the whole set, so that the tables end as
 * if the files had been applied one at a time in request order (docs/design.md#net-effect-promotion):
 * each file's records classified against the metadata before the set and the earlier files of the
 * set (docs/processing-rules.md#rule-5, #rule-6), one decision per id (the last applied version
 * wins, any delete tombstones), the metadata merged (docs/processing-rules.md#rule-7), the decided
 * ids' rows removed from every data table and the winning versions' rows inserted
 * (docs/processing-rules.md#rule-4, with docs/processing-rules.md#rule-14 for addresses). Each
 * file's ledger counts are derived from the classified rows ({@link NetLedgerCounts}).
 */
final class NetEffectApplier {
  private static final Logger LOG = LoggerFactory.getLogger(NetEffectApplier.class);

  private final Connection connection;
  private final LandingTables landing;
  private final IndexDeferral indexes;

  NetEffectApplier(Connection connection, LandingTables landing, IndexDeferral indexes) {
    this.connection = connection;
    this.landing = landing;
    this.indexes = indexes;
  }

  /**
   * @param set how the logs name the change set
   * @return ledger counts per file position (the positions the files were appended at)
   */
  Map<Integer, LedgerCounts> apply(String set, List<Integer> filePositions) throws SQLException {
    landing.analyzeNet();
    update(SqlResource.of("sql/promote/classify_net_cases.sql").render());
    landing.analyze(List.of(LandingTables.NET_CASE));
    long knownIds = decide();
    landing.analyze(List.of(LandingTables.NET_DECISION));
    indexes.beforeRemovals(set, knownIds);

    update(SqlResource.of("sql/promote/merge_metadata.sql").render());
    update(SqlResource.of("sql/promote/capture_previous_addresses.sql").render());
    landing.analyze(List.of(LandingTables.PREVIOUS_ADDRESS));

    for (OcaTable child : OcaTable.CHILD_TABLES) {
      removeRows(
          SqlResource.of("sql/promote/delete_case_rows.sql").with("table", SqlIdentifier.of(child.tableName())),
          child);
    }
    removeRows(SqlResource.of("sql/promote/delete_index_rows.sql"), OcaTable.OCA_INDEX);

    update(SqlResource.of("sql/promote/upsert_index.sql").render());
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      update(insertRows(child));
    }
    return NetLedgerCounts.read(connection, filePositions);
  }

  /** One decision per id (decide_net_cases.sql); returns how many decided ids the database knew. */
  private long decide() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/decide_net_cases.sql").render())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void removeRows(SqlResource delete, OcaTable table) throws SQLException {
    String sql = delete.render();
    long started = System.nanoTime();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table.tableName());
      long ids = ps.executeLargeUpdate();
      debug(ids + " ids", started, sql);
    }
  }

  private static String insertRows(OcaTable child) {
    if (child == OcaTable.OCA_ADDRESSES) {
      return SqlResource.of("sql/promote/insert_addresses.sql").render();
    }
    return SqlResource.of("sql/promote/insert_case_rows.sql")
        .with("table", SqlIdentifier.of(child.tableName()))
        .with("net_table", LandingTables.netName(child))
        .with("columns", SqlIdentifier.columnsOf(child))
        .render();
  }

  private void update(String sql) throws SQLException {
    long started = System.nanoTime();
    try (Statement st = connection.createStatement()) {
      long rows = st.executeLargeUpdate(sql);
      debug(rows + " rows", started, sql);
    }
  }

  private static void debug(String what, long started, String sql) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} in {} ms: {}", what, (System.nanoTime() - started) / 1_000_000, firstLine(sql));
    }
  }

  /** The first SQL line after the comments, enough to tell the statements apart in a debug log. */
  private static String firstLine(String sql) {
    return sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).findFirst().orElse("");
  }
}
