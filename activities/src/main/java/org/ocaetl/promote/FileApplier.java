package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.LedgerCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one staged file (already loaded into the stage tables) to the main tables with set-based
 * statements, in this order: contract check, decisions against the previous metadata (docs/processing-rules.md#rule-5, #rule-6),
 * metadata merge (docs/processing-rules.md#rule-7), removal of replaced and deleted cases' rows from every data table
 * (docs/processing-rules.md#rule-4, #rule-6), insertion of the applied versions' rows (docs/processing-rules.md#rule-4, with docs/processing-rules.md#rule-14 for addresses).
 */
final class FileApplier {
  private static final Logger LOG = LoggerFactory.getLogger(FileApplier.class);

  private final Connection connection;
  private final StageTables stage;
  private final IndexDeferral indexes;

  FileApplier(Connection connection, StageTables stage, IndexDeferral indexes) {
    this.connection = connection;
    this.stage = stage;
    this.indexes = indexes;
  }

  LedgerCounts apply(StagedFile file) throws SQLException {
    verifyContract(file);
    Map<CaseDecision, Long> decided = new EnumMap<>(CaseDecision.class);
    long knownIds = classify(decided);
    stage.analyze(List.of(StageTables.CASE_DECISION));
    indexes.beforeRemovals(file.fileName(), knownIds);

    long metadataChanged = update(SqlResource.of("sql/promote/merge_metadata.sql").render());

    update(SqlResource.of("sql/promote/capture_previous_addresses.sql").render());
    stage.analyze(List.of(StageTables.PREVIOUS_ADDRESS));

    Map<OcaTable, Long> deleted = new EnumMap<>(OcaTable.class);
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      deleted.put(
          child,
          update(
              SqlResource.of("sql/promote/delete_case_rows.sql")
                  .with("table", SqlIdentifier.of(child.tableName()))
                  .render()));
    }
    deleted.put(OcaTable.OCA_INDEX, update(SqlResource.of("sql/promote/delete_index_rows.sql").render()));

    Map<OcaTable, Long> inserted = new EnumMap<>(OcaTable.class);
    inserted.put(OcaTable.OCA_INDEX, update(SqlResource.of("sql/promote/upsert_index.sql").render()));
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      inserted.put(child, update(insertRows(child)));
    }

    return new LedgerCounts(
        decided.getOrDefault(CaseDecision.APPLY, 0L),
        decided.getOrDefault(CaseDecision.SKIP_OLDER, 0L),
        decided.getOrDefault(CaseDecision.TOMBSTONED, 0L),
        decided.getOrDefault(CaseDecision.DELETE, 0L),
        metadataChanged,
        byName(inserted),
        byName(deleted));
  }

  private static String insertRows(OcaTable child) {
    if (child == OcaTable.OCA_ADDRESSES) {
      return SqlResource.of("sql/promote/insert_addresses.sql").render();
    }
    return SqlResource.of("sql/promote/insert_case_rows.sql")
        .with("table", SqlIdentifier.of(child.tableName()))
        .with("stage_table", StageTables.stageName(child))
        .with("columns", SqlIdentifier.columnsOf(child))
        .render();
  }

  /**
   * Fills {@code counts} with the ids per decision and returns how many of the ids whose rows are
   * replaced or deleted were known before (may have rows to remove).
   */
  private long classify(Map<CaseDecision, Long> counts) throws SQLException {
    long known = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/classify_cases.sql").render())) {
      while (rs.next()) {
        CaseDecision decision = CaseDecision.fromSql(rs.getString(1));
        counts.put(decision, rs.getLong(2));
        if (decision != CaseDecision.SKIP_OLDER) {
          known += rs.getLong(3);
        }
      }
    }
    return known;
  }

  private long update(String sql) throws SQLException {
    long started = System.nanoTime();
    try (Statement st = connection.createStatement()) {
      long rows = st.executeLargeUpdate(sql);
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - started) / 1_000_000, firstLine(sql));
      }
      return rows;
    }
  }

  /** The first SQL line after the comments, enough to tell the statements apart in a debug log. */
  private static String firstLine(String sql) {
    return sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).findFirst().orElse("");
  }

  private static Map<String, Long> byName(Map<OcaTable, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((table, n) -> out.put(table.tableName(), n));
    return out;
  }

  /** The staging contract (check_staged_file.sql, check_stage_orphans.sql); counts only. */
  private void verifyContract(StagedFile file) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(SqlResource.of("sql/promote/check_staged_file.sql").render())) {
      ps.setDate(1, Date.valueOf(file.extractDate()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          if (rs.getLong(i) != 0) {
            problems.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getLong(i));
          }
        }
      }
    }
    try (Statement st = connection.createStatement()) {
      for (OcaTable child : OcaTable.CHILD_TABLES) {
        String sql =
            SqlResource.of("sql/promote/check_stage_orphans.sql")
                .with("stage_table", StageTables.stageName(child))
                .render();
        try (ResultSet rs = st.executeQuery(sql)) {
          rs.next();
          if (rs.getLong(1) != 0) {
            problems.add(child.tableName() + "_rows_without_index_row=" + rs.getLong(1));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StagedFileInvalidException(
          "Staged CSVs of "
              + file.fileName()
              + " (extract date "
              + file.extractDate()
              + ") break the staging contract: "
              + String.join(", ", problems));
    }
  }
}
