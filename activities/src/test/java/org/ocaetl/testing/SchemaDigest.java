package org.ocaetl.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ocaetl.db.SqlIdentifier;

/**
 * What a schema's data is, in one comparable value: for every {@code oca_*} table of the schema
 * (the twelve target tables, the ledger, the geocode cache, and any table a later migration adds),
 * its row count and the md5 of its rows as text in sorted order. Two schemas with equal digests
 * hold the same rows. The columns that record when and by which workflow a row was written are
 * left out, so a run with faults can be compared with a fault-free run of the same files.
 *
 * <pre>{@code
 * assertEquals(SchemaDigest.of(db, cleanSchema), SchemaDigest.of(db, faultySchema));
 * }</pre>
 */
public final class SchemaDigest {
  /** Columns that differ between two correct runs: timestamps and Temporal ids. */
  static final Set<String> RUN_COLUMNS = Set.of("promoted_at", "workflow_id", "run_id", "geocoded_at");

  private SchemaDigest() {}

  /** Table name → {@code rows:md5}, sorted by table name. */
  public static Map<String, String> of(DataSource db, String schema) throws SQLException {
    Map<String, String> digest = new TreeMap<>();
    try (Connection c = db.getConnection()) {
      for (var table : columnsByTable(c, schema).entrySet()) {
        digest.put(table.getKey(), digest(c, schema, table.getKey(), table.getValue()));
      }
    }
    if (digest.isEmpty()) {
      throw new IllegalArgumentException("no oca tables in schema " + schema);
    }
    return digest;
  }

  private static Map<String, List<String>> columnsByTable(Connection c, String schema) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c"
            + " JOIN information_schema.tables t USING (table_schema, table_name)"
            + " WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE' AND c.table_name LIKE 'oca\\_%'"
            + " ORDER BY c.table_name, c.ordinal_position")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!RUN_COLUMNS.contains(rs.getString(2))) {
            tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
    }
    return tables;
  }

  private static String digest(Connection c, String schema, String table, List<String> columns) throws SQLException {
    String row = "ROW(" + columns.stream().map(n -> SqlIdentifier.of(n).quoted()).collect(Collectors.joining(", ")) + ")::text";
    String sql = "SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", E'\\n' ORDER BY " + row + ")), '')"
        + " FROM " + SqlIdentifier.of(schema).quoted() + "." + SqlIdentifier.of(table).quoted();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
