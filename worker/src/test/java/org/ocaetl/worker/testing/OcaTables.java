package org.ocaetl.worker.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.testing.SchemaDigest;

/** Reads the oca tables of one test schema (the schema name is generated: [a-z0-9_] only). */
public final class OcaTables {
  private final DataSource db;
  private final String schema;

  public OcaTables(DataSource db, String schema) {
    this.db = db;
    this.schema = schema;
  }

  public record Metadata(LocalDate initialdate, LocalDate updatedate, LocalDate deletedate) {}

  public String court(String id) throws SQLException {
    return single("SELECT court FROM " + schema + ".oca_index WHERE indexnumberid = ?", id);
  }

  public long rows(OcaTable table, String id) throws SQLException {
    String count = single("SELECT count(*)::text FROM " + schema + "." + table.tableName() + " WHERE indexnumberid = ?", id);
    return Long.parseLong(count);
  }

  public Metadata metadata(String id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT initialdate, updatedate, deletedate FROM " + schema + ".oca_metadata WHERE indexnumberid = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Metadata(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))
            : null;
      }
    }
  }

  /** The digest of every oca table of the schema ({@link SchemaDigest}): equal digests, equal contents. */
  public Map<String, String> fingerprint() throws SQLException {
    return SchemaDigest.of(db, schema);
  }

  public Map<String, PromotedFiles.PromotedFile> ledger() throws SQLException {
    return new PromotedFiles(db, schema).all();
  }

  private String single(String sql, String parameter) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
