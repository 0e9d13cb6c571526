package org.ocaetl.promote;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the child tables' indexes aside during a history load and rebuilds them before commit. An
 * index is only read by the promotion to find the rows of cases it replaces or deletes; a net
 * change set whose ids are all new to the database (Initial files into an empty or other-year
 * database) removes nothing, so while the foreign keys are set aside anyway ({@link
 * ForeignKeyDeferral}: the tables are locked, a large load), inserting without index upkeep and
 * building each index once afterwards from sorted keys is several times cheaper. The indexes come
 * back exactly as PostgreSQL defined them.
 */
final class IndexDeferral {
  private static final Logger LOG = LoggerFactory.getLogger(IndexDeferral.class);

  private record TableIndex(SqlIdentifier name, String definition) {}

  private final Connection connection;
  private final ForeignKeyDeferral foreignKeys;
  private final List<TableIndex> setAside = new ArrayList<>();

  IndexDeferral(Connection connection, ForeignKeyDeferral foreignKeys) {
    this.connection = connection;
    this.foreignKeys = foreignKeys;
  }

  /**
   * Called once the net change set is decided, before its rows are removed and inserted.
   *
   * @param knownIds decided ids of the set that may have rows to remove (the database had their metadata)
   */
  void beforeRemovals(String changeSet, long knownIds) throws SQLException {
    if (knownIds == 0 && setAside.isEmpty() && foreignKeys.active()) {
      List<TableIndex> indexes = childTableIndexes();
      try (Statement st = connection.createStatement()) {
        for (TableIndex index : indexes) {
          st.execute(SqlResource.of("sql/promote/drop_index.sql").with("index", index.name()).render());
        }
      }
      setAside.addAll(indexes);
      LOG.info("{}: only new cases while the foreign keys are aside: {} child-table indexes set aside until"
          + " the promotion ends", changeSet, indexes.size());
    }
  }

  /** Rebuilds the indexes set aside, if any (before the keys are restored and the transaction commits). */
  void restore() throws SQLException {
    if (setAside.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    try (Statement st = connection.createStatement()) {
      for (TableIndex index : setAside) {
        st.execute(index.definition());
      }
    }
    LOG.info("{} child-table indexes rebuilt in {} ms", setAside.size(), (System.nanoTime() - started) / 1_000_000);
    setAside.clear();
  }

  private List<TableIndex> childTableIndexes() throws SQLException {
    List<TableIndex> indexes = new ArrayList<>();
    Object[] tables = OcaTable.CHILD_TABLES.stream().map(OcaTable::tableName).toArray();
    try (PreparedStatement ps =
        connection.prepareStatement(SqlResource.of("sql/promote/case_table_indexes.sql").render())) {
      Array names = connection.createArrayOf("text", tables);
      ps.setArray(1, names);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String definition = rs.getString(2);
          // PostgreSQL's own text for an index of ours; anything else is not rebuilt from text.
          if (!definition.startsWith("CREATE INDEX ")) {
            throw new IllegalStateException("Unexpected index definition: " + definition);
          }
          indexes.add(new TableIndex(SqlIdentifier.of(rs.getString(1)), definition));
        }
      }
    }
    return indexes;
  }
}
