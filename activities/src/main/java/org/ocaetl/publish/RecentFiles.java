package org.ocaetl.publish;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlResource;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;

/** The last promoted files for the status page: the ledger's rows, each with its staged report's failures. */
final class RecentFiles {
  /** About two months of weekly runs. */
  static final int SHOWN = 10;

  private RecentFiles() {}

  /** The ledger's newest rows, read in the caller's snapshot transaction. */
  static List<RecentFile> read(Connection c, ObjectStore store) throws SQLException, IOException {
    List<RecentFile> files = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/publish/status_recent_files.sql").render())) {
      ps.setInt(1, SHOWN);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String fileName = rs.getString("file_name");
          StagedFailures.Summary failures = failures(store, fileName);
          files.add(new RecentFile(
              fileName,
              rs.getObject("extract_date", LocalDate.class),
              rs.getTimestamp("promoted_at").toInstant(),
              rs.getLong("cases_applied"),
              rs.getLong("cases_skipped_older"),
              rs.getLong("cases_tombstoned"),
              rs.getLong("cases_deleted"),
              failures.failedCases(),
              failures.reasons()));
        }
      }
    }
    return List.copyOf(files);
  }

  private static StagedFailures.Summary failures(ObjectStore store, String fileName) throws IOException {
    String key = StoreKeys.report(fileName);
    if (store.size(key).isEmpty()) {
      return new StagedFailures.Summary(-1, Map.of());
    }
    try (InputStream report = store.get(key)) {
      return StagedFailures.read(report);
    }
  }
}
