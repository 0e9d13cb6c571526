package org.ocaetl.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;

/**
 * Read access to the promotion ledger of one schema: which raw files are promoted, with which
 * checksum. Discovery uses it to skip files that are already applied; the snapshot uses the latest
 * extract date as the published data date. The schema must have been migrated.
 */
public final class PromotedFiles {
  private final DataSource dataSource;
  private final SqlIdentifier schema;

  /** One ledger row (counts stay in the database). */
  public record PromotedFile(
      String fileName,
      LocalDate extractDate,
      String sha256,
      Instant promotedAt,
      String workflowId,
      String runId) {

    /** True when this record is for the same raw bytes (checksums compare case-insensitively). */
    public boolean sameContent(String sha256Hex) {
      return sha256.equalsIgnoreCase(sha256Hex);
    }
  }

  public PromotedFiles(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    this.schema = SqlIdentifier.of(schema);
  }

  /** Every promoted file by name, in (extract date, name) order. */
  public Map<String, PromotedFile> all() throws SQLException {
    Map<String, PromotedFile> files = new LinkedHashMap<>();
    try (Connection c = SchemaSession.begin(dataSource, schema);
        PreparedStatement ps =
            c.prepareStatement(SqlResource.of("sql/schema/list_promoted_files.sql").render());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        PromotedFile f =
            new PromotedFile(
                rs.getString("file_name"),
                rs.getObject("extract_date", LocalDate.class),
                rs.getString("sha256"),
                rs.getTimestamp("promoted_at").toInstant(),
                rs.getString("workflow_id"),
                rs.getString("run_id"));
        files.put(f.fileName(), f);
      }
      c.rollback(); // read-only: end the transaction without writing anything
    }
    return Collections.unmodifiableMap(files);
  }

  /** The latest extract date ever promoted (the data date), empty before the first promotion. */
  public Optional<LocalDate> latestExtractDate() throws SQLException {
    try (Connection c = SchemaSession.begin(dataSource, schema)) {
      Optional<LocalDate> date = latestExtractDate(c);
      c.rollback();
      return date;
    }
  }

  /** When a file was last promoted, empty before the first promotion. */
  public Optional<Instant> lastPromotedAt() throws SQLException {
    try (Connection c = SchemaSession.begin(dataSource, schema);
        PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/schema/last_promoted_at.sql").render());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      Timestamp promotedAt = rs.getTimestamp(1);
      c.rollback();
      return Optional.ofNullable(promotedAt).map(Timestamp::toInstant);
    }
  }

  /** Same, inside a caller's transaction whose search path is the schema. */
  public static Optional<LocalDate> latestExtractDate(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(SqlResource.of("sql/schema/latest_extract_date.sql").render());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Optional.ofNullable(rs.getObject(1, LocalDate.class));
    }
  }
}
