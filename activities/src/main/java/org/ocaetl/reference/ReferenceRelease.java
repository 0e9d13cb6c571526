package org.ocaetl.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;

/**
 * One load of a reference table, as recorded in {@code oca_reference_releases} (so anyone can tell which release the database holds): the
 * release name the operator gave, the file, its SHA-256, the rows loaded and when.
 */
public record ReferenceRelease(
    String table, String release, String fileName, String sha256, long rows, OffsetDateTime loadedAt) {

  /** What a loader does inside the load's transaction: fills its table from the CSV, returns the rows. */
  @FunctionalInterface
  interface TableFill {
    long fill(Connection c, ReferenceCsv csv) throws IOException, SQLException;
  }

  /**
   * One reference load: opens {@code file}, runs {@code fill} in one transaction of {@code schema},
   * records the release in the same transaction and commits; any failure rolls everything back, so
   * the previous contents and releases stay as they were.
   */
  static ReferenceRelease load(
      DataSource dataSource, SqlIdentifier schema, String table, Path file, String release, TableFill fill)
      throws IOException, SQLException {
    String name = requireRelease(release);
    try (ReferenceCsv csv = ReferenceCsv.open(file);
        Connection c = SchemaSession.begin(dataSource, schema)) {
      try {
        long rows = fill.fill(c, csv);
        ReferenceRelease recorded = record(c, table, name, csv.fileName(), csv.sha256(), rows);
        c.commit();
        return recorded;
      } catch (IOException | SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Inserts the record in the load's transaction and returns it with its time. */
  private static ReferenceRelease record(Connection c, String table, String release, String fileName, String sha256, long rows)
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

  private static String requireRelease(String release) {
    if (release == null || release.isBlank()) {
      throw new IllegalArgumentException("A reference load needs a release name (e.g. 25v1.1)");
    }
    return release.strip();
  }
}
