package org.ocaetl.publish;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;

/**
 * The parts that changed since the last publish, as the triggers of migration V8 marked them in the
 * writers' transactions (docs/storage.md#published-parts), read in the publish's snapshot.
 */
final class DirtyParts {
  private final List<Long> marks;
  private final Map<String, Set<String>> partsByRelation;

  private DirtyParts(List<Long> marks, Map<String, Set<String>> partsByRelation) {
    this.marks = List.copyOf(marks);
    this.partsByRelation = partsByRelation;
  }

  /** The marks committed before the snapshot of {@code snapshot}. */
  static DirtyParts read(Connection snapshot) throws SQLException {
    List<Long> marks = new ArrayList<>();
    Map<String, Set<String>> parts = new HashMap<>();
    try (Statement st = snapshot.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/publish/read_dirty_parts.sql").render())) {
      while (rs.next()) {
        marks.add(rs.getLong(1));
        parts.computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(3));
      }
    }
    return new DirtyParts(marks, parts);
  }

  /**
   * The dirty parts of a file built from {@code source}: those marked on oca_index (a case changed,
   * which changes every file's part) and those marked on the source itself.
   */
  Set<String> of(SqlIdentifier source) {
    Set<String> dirty = new TreeSet<>(partsByRelation.getOrDefault(OcaTable.OCA_INDEX.tableName(), Set.of()));
    if (!source.name().equals(OcaTable.OCA_INDEX.tableName())) {
      dirty.addAll(partsByRelation.getOrDefault(source.name(), Set.of()));
    }
    return dirty;
  }

  /** Deletes the marks that were read (and only those), after the files they mark were written. */
  void clear(DataSource dataSource, SqlIdentifier schema) throws SQLException {
    if (marks.isEmpty()) {
      return;
    }
    try (Connection c = SchemaSession.begin(dataSource, schema)) {
      try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/publish/clear_dirty_parts.sql").render())) {
        Array ids = c.createArrayOf("bigint", marks.toArray());
        ps.setArray(1, ids);
        ps.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        SchemaSession.closeAfterFailure(c, e);
        throw e;
      }
    }
  }
}
