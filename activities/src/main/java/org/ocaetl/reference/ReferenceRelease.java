package org.ocaetl.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.ocaetl.db.SqlResource;

/**
 * One load of a reference table, as recorded in {@code oca_reference_releases} (lessons #23): the
 * release name the operator gave, the file, its SHA-256, the rows loaded and when.
 */
public record ReferenceRelease(
    String table, String release, String fileName, String sha256, long rows, OffsetDateTime loadedAt) {

  /** Inserts the record in the load's transaction and returns it with its time. */
  static ReferenceRelease record(Connection c, String table, String release, String fileName, String sha256, long rows)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/reference/record_release.sql").render())) {
      ps.setString(1, table);
      ps.setString(2, release);
      ps.setString(3, fileName);
      ps.setString(4, sha256);
      ps.setLong(5, rows);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new ReferenceRelease(table, release, fileName, sha256, rows, rs.getObject(1, OffsetDateTime.class));
      }
    }
  }

  static String requireRelease(String release) {
    if (release == null || release.isBlank()) {
      throw new IllegalArgumentException("A reference load needs a release name (e.g. 25v1.1)");
    }
    return release.strip();
  }
}
