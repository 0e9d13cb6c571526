package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.LedgerCounts;

/**
 * The ledger counts of each file of an applied net change set, with the meaning they have when the
 * files are applied one at a time (docs/processing-rules.md#rule-2): computed from the classified
 * rows (net_case) and the rows counted per id as the files were appended and as the deletes found
 * them (net_row_counts), never by re-reading the tables.
 */
final class NetLedgerCounts {
  private static final Map<String, OcaTable> DATA_TABLES_BY_NAME =
      OcaTable.DATA_TABLES.stream().collect(Collectors.toMap(OcaTable::tableName, t -> t));

  private final Map<Integer, Map<CaseDecision, Long>> decided = new HashMap<>();
  private final Map<Integer, Long> metadataChanged = new HashMap<>();
  private final Map<Integer, Map<OcaTable, Long>> inserted = new HashMap<>();
  private final Map<Integer, Map<OcaTable, Long>> deleted = new HashMap<>();

  private NetLedgerCounts() {}

  /** Counts per file position; positions without any row get zero counts. */
  static Map<Integer, LedgerCounts> read(Connection connection, List<Integer> filePositions) throws SQLException {
    NetLedgerCounts counts = new NetLedgerCounts();
    counts.readCases(connection);
    counts.readRows(connection);
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

  private void readRows(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/count_net_rows.sql").render())) {
      while (rs.next()) {
        int pos = rs.getInt(1);
        OcaTable table = DATA_TABLES_BY_NAME.get(rs.getString(2));
        inserted.computeIfAbsent(pos, p -> new EnumMap<>(OcaTable.class)).put(table, rs.getLong(3));
        deleted.computeIfAbsent(pos, p -> new EnumMap<>(OcaTable.class)).put(table, rs.getLong(4));
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
