package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.LedgerCounts;

/**
 * The ledger counts of each file of an applied net change set, with the meaning they have when the
 * files are applied one at a time (docs/processing-rules.md#rule-2): computed from the classified
 * rows (net_case), the staged rows and the rows the deletes found, never by re-reading the tables.
 */
final class NetLedgerCounts {
  /** Decisions that remove a case's child rows (a replaced version's too) and its oca_index row. */
  private static final List<CaseDecision> REMOVE_CHILD_ROWS =
      List.of(CaseDecision.APPLY, CaseDecision.TOMBSTONED, CaseDecision.DELETE);
  private static final List<CaseDecision> REMOVE_INDEX_ROW = List.of(CaseDecision.TOMBSTONED, CaseDecision.DELETE);

  private final Map<Integer, Map<CaseDecision, Long>> decided = new HashMap<>();
  private final Map<Integer, Long> metadataChanged = new HashMap<>();
  private final Map<Integer, Map<OcaTable, Long>> inserted = new HashMap<>();
  private final Map<Integer, Map<OcaTable, Long>> deleted = new HashMap<>();

  private NetLedgerCounts() {}

  /** Counts per file position; positions without any row get zero counts. */
  static Map<Integer, LedgerCounts> read(Connection connection, List<Integer> filePositions) throws SQLException {
    NetLedgerCounts counts = new NetLedgerCounts();
    counts.readCases(connection);
    for (OcaTable table : OcaTable.DATA_TABLES) {
      counts.readRows(connection, table);
    }
    Map<Integer, LedgerCounts> out = new LinkedHashMap<>();
    for (int pos : filePositions) {
      out.put(pos, counts.of(pos));
    }
    return out;
  }

  private void readCases(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/count_net_cases.sql").render())) {
      while (rs.next()) {
        int pos = rs.getInt(1);
        decided.computeIfAbsent(pos, p -> new EnumMap<>(CaseDecision.class))
            .put(CaseDecision.fromSql(rs.getString(2)), rs.getLong(3));
        metadataChanged.merge(pos, rs.getLong(4), Long::sum);
      }
    }
  }

  private void readRows(Connection connection, OcaTable table) throws SQLException {
    List<CaseDecision> removing = table == OcaTable.OCA_INDEX ? REMOVE_INDEX_ROW : REMOVE_CHILD_ROWS;
    String sql =
        SqlResource.of("sql/promote/count_net_rows.sql").with("net_table", StageTables.netName(table)).render();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setArray(1, connection.createArrayOf("text", removing.stream().map(CaseDecision::sqlValue).toArray()));
      ps.setString(2, table.tableName());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int pos = rs.getInt(1);
          inserted.computeIfAbsent(pos, p -> new EnumMap<>(OcaTable.class)).put(table, rs.getLong(2));
          deleted.computeIfAbsent(pos, p -> new EnumMap<>(OcaTable.class)).put(table, rs.getLong(3));
        }
      }
    }
  }

  private LedgerCounts of(int pos) {
    Map<CaseDecision, Long> cases = decided.getOrDefault(pos, Map.of());
    // The order the one-file-at-a-time statements ran in: oca_index upserted first, removed last.
    List<OcaTable> deleteOrder = new ArrayList<>(OcaTable.CHILD_TABLES);
    deleteOrder.add(OcaTable.OCA_INDEX);
    return new LedgerCounts(
        cases.getOrDefault(CaseDecision.APPLY, 0L),
        cases.getOrDefault(CaseDecision.SKIP_OLDER, 0L),
        cases.getOrDefault(CaseDecision.TOMBSTONED, 0L),
        cases.getOrDefault(CaseDecision.DELETE, 0L),
        metadataChanged.getOrDefault(pos, 0L),
        byName(OcaTable.DATA_TABLES, inserted.getOrDefault(pos, Map.of())),
        byName(deleteOrder, deleted.getOrDefault(pos, Map.of())));
  }

  private static Map<String, Long> byName(List<OcaTable> order, Map<OcaTable, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (OcaTable table : order) {
      out.put(table.tableName(), counts.getOrDefault(table, 0L));
    }
    return out;
  }
}
