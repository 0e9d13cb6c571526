package org.ocaetl.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.ocaetl.db.SqlResource;

/** Reads and writes {@code oca_promoted_files} inside the promotion transaction (docs/processing-rules.md#rule-2). */
public final class PromotionLedger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PromotionLedger() {}

  /** The checksum under which {@code fileName} was promoted, if it was. */
  public static Optional<String> promotedSha256(Connection c, String fileName) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SqlResource.of("sql/schema/find_promoted_file.sql").render())) {
      ps.setString(1, fileName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString("sha256")) : Optional.empty();
      }
    }
  }

  /** Records {@code fileName} as promoted, with its checksum and what the promotion did. */
  public static void record(
      Connection c,
      String fileName,
      LocalDate extractDate,
      String sha256,
      LedgerCounts counts,
      String workflowId,
      String runId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SqlResource.of("sql/schema/record_promoted_file.sql").render())) {
      ps.setString(1, fileName);
      ps.setDate(2, Date.valueOf(extractDate));
      ps.setString(3, sha256);
      ps.setString(4, toJson(counts));
      ps.setString(5, workflowId);
      ps.setString(6, runId);
      ps.executeUpdate();
    }
  }

  private static String toJson(LedgerCounts counts) {
    try {
      return JSON.writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise promotion counts", e);
    }
  }
}
