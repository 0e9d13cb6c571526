package org.ocaetl.promote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.store.ObjectStore;
import org.postgresql.PGConnection;

/**
 * One migrated schema in a test database plus an object store: promotes fixtures and reads the
 * tables back. Test-only SQL is inline here; production SQL lives in resources.
 */
public final class PromotionHarness {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  /** Foreign keys checked row by row, as for a weekly file into a large database: no table locks. */
  public static final PromotionSettings KEYS_CHECKED_PER_ROW =
      PromotionSettings.DEFAULTS.withForeignKeyDeferralShare(Double.POSITIVE_INFINITY);

  public final DataSource dataSource;
  public final ObjectStore store;
  public final String schema;

  private PromotionHarness(DataSource dataSource, ObjectStore store, String schema) {
    this.dataSource = dataSource;
    this.store = store;
    this.schema = schema;
  }

  /** A freshly migrated schema with a unique name (with PostGIS where the database has it). */
  public static PromotionHarness freshSchema(DataSource dataSource, ObjectStore store) {
    return freshSchema(dataSource, store, PostgisMode.AUTO);
  }

  /** A freshly migrated schema with a unique name, PostGIS as {@code postgis} says. */
  public static PromotionHarness freshSchema(DataSource dataSource, ObjectStore store, PostgisMode postgis) {
    String schema = "oca_test_" + SCHEMAS.incrementAndGet();
    SchemaMigrator.migrate(dataSource, schema, postgis);
    return new PromotionHarness(dataSource, store, schema);
  }

  public PromotionTransaction transaction() {
    return new PromotionTransaction(dataSource, schema, store);
  }

  public PromotionResult promote(StagedFile... files) throws SQLException, IOException {
    return promote(PromotionSettings.DEFAULTS, files);
  }

  public PromotionResult promote(PromotionSettings settings, StagedFile... files)
      throws SQLException, IOException {
    return new PromotionTransaction(dataSource, schema, store, settings)
        .promote(new PromotionRequest(List.of(files), "wf-test", "run-test"));
  }

  /** Result rows of a query in this schema, columns joined with '|', NULL shown as ∅. */
  public List<String> rows(String sql) throws SQLException {
    try (Connection c = connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          String v = rs.getString(i);
          fields.add(v == null ? "∅" : v);
        }
        out.add(String.join("|", fields));
      }
      return out;
    }
  }

  /** The ids present in a table, sorted. */
  public List<String> ids(OcaTable table) throws SQLException {
    return rows("SELECT DISTINCT indexnumberid FROM " + table.tableName() + " ORDER BY 1");
  }

  /** indexnumberid → number of rows, over the 11 data tables, for the given ids. */
  public Map<String, Long> rowCounts(String id) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (OcaTable t : OcaTable.DATA_TABLES) {
      counts.put(
          t.tableName(),
          Long.parseLong(
              rows("SELECT count(*) FROM " + t.tableName() + " WHERE indexnumberid = '" + id + "'")
                  .getFirst()));
    }
    return counts;
  }

  /** The 12 tables as sorted CSV text: equal dumps mean equal content. */
  public Map<String, String> dumpTables() throws SQLException {
    Map<String, String> dump = new LinkedHashMap<>();
    for (OcaTable t : OcaTable.values()) {
      String order = t.columns().stream().map(Column::name).collect(Collectors.joining(", "));
      dump.put(t.tableName(), copyOut("SELECT * FROM " + t.tableName() + " ORDER BY " + order));
    }
    return dump;
  }

  /** The 12 tables plus the ledger (all columns, promoted_at included). */
  public Map<String, String> dumpEverything() throws SQLException {
    Map<String, String> dump = dumpTables();
    dump.put("oca_promoted_files", copyOut("SELECT * FROM oca_promoted_files ORDER BY file_name"));
    return dump;
  }

  private String copyOut(String query) throws SQLException {
    try (Connection c = connection()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut("COPY (" + query + ") TO STDOUT (FORMAT csv, HEADER true)", out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  public Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    try (Statement st = c.createStatement()) {
      st.execute("SET search_path = " + SqlIdentifier.of(schema).quoted());
    }
    return c;
  }
}
