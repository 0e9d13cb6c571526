package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ocaetl.db.SqlResource;

/**
 * The staging contract of the files of one change set, checked before the set is applied: each
 * file's metadata and oca_index rows in the landing tables as it is loaded (check_staged_file.sql),
 * then every file's child rows against its oca_index rows once all are copied into the net tables
 * (check_net_orphans.sql). A broken file fails the promotion, named with all its violations'
 * counts. Counts only: the values may be street addresses (docs/processing-rules.md#rule-15).
 */
final class StagedFileContract {
  private final Connection connection;
  /** Violations per file position, in position order. */
  private final Map<Integer, List<String>> problems = new TreeMap<>();

  StagedFileContract(Connection connection) {
    this.connection = connection;
  }

  /** Checks the landing tables' metadata and oca_index rows of {@code file}, at {@code filePos}. */
  void checkLanded(StagedFile file, int filePos) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(SqlResource.of("sql/promote/check_staged_file.sql").render())) {
      ps.setDate(1, Date.valueOf(file.extractDate()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          if (rs.getLong(i) != 0) {
            add(filePos, rs.getMetaData().getColumnLabel(i) + "=" + rs.getLong(i));
          }
        }
      }
    }
  }

  /**
   * Checks every file's child rows (net_row_counts, filled) against its oca_index rows, then throws
   * for the first file, in request order, that broke the contract.
   *
   * @param files the request's files; position p is {@code files.get(p - 1)}
   * @throws StagedFileInvalidException with the violations' counts
   */
  void verify(List<StagedFile> files) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/promote/check_net_orphans.sql").render())) {
      while (rs.next()) {
        add(rs.getInt(1), rs.getString(2) + "_rows_without_index_row=" + rs.getLong(3));
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    Map.Entry<Integer, List<String>> first = problems.entrySet().iterator().next();
    StagedFile file = files.get(first.getKey() - 1);
    throw new StagedFileInvalidException(
        "Staged CSVs of "
            + file.fileName()
            + " (extract date "
            + file.extractDate()
            + ") break the staging contract: "
            + String.join(", ", first.getValue()));
  }

  private void add(int filePos, String problem) {
    problems.computeIfAbsent(filePos, p -> new ArrayList<>()).add(problem);
  }
}
