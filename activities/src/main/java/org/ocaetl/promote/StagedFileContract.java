package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;

/**
 * The staging contract of one file loaded into the landing tables (check_staged_file.sql,
 * check_landing_orphans.sql), checked before the file joins the net change set. Counts only: the
 * values may be street addresses (docs/processing-rules.md#rule-15).
 */
final class StagedFileContract {
  private StagedFileContract() {}

  /** @throws StagedFileInvalidException with the violations' counts */
  static void verify(Connection connection, StagedFile file) throws SQLException {
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
            SqlResource.of("sql/promote/check_landing_orphans.sql")
                .with("landing_table", LandingTables.landingName(child))
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
