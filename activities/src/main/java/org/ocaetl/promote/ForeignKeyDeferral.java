package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the child tables' foreign keys to oca_index aside while a promotion inserts many rows
 * relative to the tables' size, and restores them (validating every row) before commit.
 *
 * <p>PostgreSQL checks a foreign key once per inserted row (an executor call per row, ≈ 9 µs);
 * re-adding the key checks the whole table in one anti-join (≈ 1.2 µs a row). Loading a history
 * (Initial files into an empty or small database) is therefore several times faster without the
 * per-row checks, while a weekly file into a large database is not, so the decision is taken once
 * per promotion from the staged rows of all its files and the estimated existing row counts; set
 * aside, the keys stay aside for the rest of the transaction. Integrity does not depend on the keys
 * meanwhile: the promotion's staging contract rejects child rows without an index row, and restoring the keys re-checks every
 * row, failing (and rolling back) the whole promotion if anything were orphaned. The cost is an
 * ACCESS EXCLUSIVE lock on the child tables until commit: readers wait for a large promotion.
 */
final class ForeignKeyDeferral {
  private static final Logger LOG = LoggerFactory.getLogger(ForeignKeyDeferral.class);

  /**
   * Staged child rows, as a share of the rows already in the child tables, above which setting
   * the keys aside is cheaper: 9 µs × staged > 1.2 µs × (existing + staged) from ≈ 0.15 on.
   */
  static final double MEASURED_BREAK_EVEN_SHARE = 0.15;

  private record CaseForeignKey(SqlIdentifier table, SqlIdentifier constraint) {}

  private final Connection connection;
  private final double share;
  private final List<CaseForeignKey> setAside = new ArrayList<>();

  ForeignKeyDeferral(Connection connection, double share) {
    this.connection = connection;
    this.share = share;
  }

  /** Whether checking the whole tables once is cheaper than checking the staged rows one by one. */
  static boolean worthSettingAside(long stagedChildRows, long existingChildRows, double share) {
    return stagedChildRows > 0 && stagedChildRows >= share * existingChildRows;
  }

  /** Whether the keys are set aside (and the child tables locked) in this transaction. */
  boolean active() {
    return !setAside.isEmpty();
  }

  /** Sets the keys aside if the promotion's staged child rows (all files) are large for the tables' size. */
  void beforeApply(String changeSet, Map<OcaTable, Long> stagedRows) throws SQLException {
    long staged = 0;
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      staged += stagedRows.getOrDefault(child, 0L);
    }
    if (Double.isInfinite(share)) {
      return;
    }
    long existing = estimatedChildRows();
    if (!worthSettingAside(staged, existing, share)) {
      return;
    }
    List<CaseForeignKey> keys = caseForeignKeys();
    try (Statement st = connection.createStatement()) {
      for (CaseForeignKey key : keys) {
        st.execute(render("sql/promote/drop_case_foreign_key.sql", key));
      }
    }
    setAside.addAll(keys);
    LOG.info(
        "{}: {} staged child rows against about {} in the tables: {} foreign keys to oca_index set"
            + " aside until the end of the promotion, then validated in one pass",
        changeSet, staged, existing, keys.size());
  }

  /** Restores and validates the keys set aside, then refreshes the grown tables' statistics. */
  void restore() throws SQLException {
    if (setAside.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    List<SqlIdentifier> tables = new ArrayList<>();
    try (Statement st = connection.createStatement()) {
      for (CaseForeignKey key : setAside) {
        st.execute(render("sql/promote/add_case_foreign_key.sql", key));
        tables.add(key.table());
      }
      tables.add(SqlIdentifier.of(OcaTable.OCA_INDEX.tableName()));
      st.execute(SqlResource.of("sql/promote/analyze_tables.sql").with("tables", tables).render());
    }
    LOG.info(
        "{} foreign keys to oca_index restored and validated, tables analysed, in {} ms",
        setAside.size(), (System.nanoTime() - started) / 1_000_000);
    setAside.clear();
  }

  private long estimatedChildRows() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/estimate_child_rows.sql").render())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<CaseForeignKey> caseForeignKeys() throws SQLException {
    List<CaseForeignKey> keys = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/case_foreign_keys.sql").render())) {
      while (rs.next()) {
        keys.add(new CaseForeignKey(SqlIdentifier.of(rs.getString(1)), SqlIdentifier.of(rs.getString(2))));
      }
    }
    return keys;
  }

  private static String render(String resource, CaseForeignKey key) {
    return SqlResource.of(resource).with("table", key.table()).with("constraint", key.constraint()).render();
  }
}
