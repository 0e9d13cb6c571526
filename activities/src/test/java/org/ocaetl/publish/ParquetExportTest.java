package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.Grant;
import org.ocaetl.model.ColumnType;
import org.ocaetl.promote.FreshSchemaExtension;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.postgresql.PGConnection;

/**
 * Every published Parquet file read back with DuckDB and compared with PostgreSQL row for row and
 * value for value, with the types the issue asks for (docs/tables.md#parquet).
 */
class ParquetExportTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @RegisterExtension
  final FreshSchemaExtension fresh = new FreshSchemaExtension(db);
  @TempDir Path work;
  @TempDir Path downloads;

  @Test
  void everyParquetFileHoldsThePublishedRowsWithTheirTypes() throws Exception {
    fresh.harness().promote(PublishedEdgeCases.file().writeTo(fresh.store()));

    SnapshotResult result = publisher(ParquetSettings.DEFAULTS).publish(fresh.harness().schema);

    // PostGIS: both level-2 views
    assertEquals(PublishedRelation.ALL.size(), fresh.store().list("public/parquet/").size());
    for (PublishedRelation r : PublishedRelation.ALL) {
      Path file = download(r);
      List<List<Object>> expected = postgresRows(r);
      assertEquals(expected, parquetRows(r, file), r.name());
      assertEquals(expected.size(), result.rowsPerObject().get(r.parquetKey()), r.name());
      assertEquals(result.rowsPerObject().get(r.csvKey()), result.rowsPerObject().get(r.parquetKey()), r.name());
      assertEquals(List.of("ZSTD"), query(file, "SELECT DISTINCT compression FROM parquet_metadata(?)"), r.name());
    }
    assertTrue(postgresRows(relation("oca_warrants")).size() >= 2);
  }

  /**
   * The CSV is written from the same read as its Parquet twin, with the arrays again as JSON after
   * the published columns: the published bytes must still be those of a plain COPY of the relation.
   */
  @Test
  void theCsvWrittenBesideTheParquetFileIsAPlainCopyOfTheRelation() throws Exception {
    fresh.harness().promote(PublishedEdgeCases.file().writeTo(fresh.store()));

    publisher(ParquetSettings.DEFAULTS).publish(fresh.harness().schema);

    for (PublishedRelation r : PublishedRelation.ALL) {
      String columns = r.columnNames().stream().map(c -> c.quoted()).collect(Collectors.joining(", "));
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      try (Connection c = fresh.harness().connection()) {
        c.unwrap(PGConnection.class).getCopyAPI().copyOut(
            "COPY (SELECT * FROM " + r.source().quoted() + " ORDER BY " + columns + ") TO STDOUT (FORMAT csv, HEADER true)",
            plain);
      }
      try (InputStream published = fresh.store().get(r.csvKey())) {
        assertArrayEquals(plain.toByteArray(), published.readAllBytes(), r.name());
      }
    }
  }

  @Test
  void edgeValuesKeepTheirTypeAndValue() throws Exception {
    fresh.harness().promote(PublishedEdgeCases.file().writeTo(fresh.store()));
    publisher(ParquetSettings.DEFAULTS).publish(fresh.harness().schema);

    Path index = download(relation("oca_index"));
    assertEquals(
        Map.of("indexnumberid", "VARCHAR", "court", "VARCHAR", "fileddate", "DATE",
            "specialtydesignationtypes", "VARCHAR[]", "primaryclaimtotal", "DECIMAL(38,2)"),
        types(index, "indexnumberid", "court", "fileddate", "specialtydesignationtypes", "primaryclaimtotal"));
    // The array's elements exactly: quoted ones unquoted, the text NULL apart from a NULL element.
    assertEquals(
        List.of(Arrays.asList("a,b", "quote\"d", "{brace}", "back\\slash", "NULL", null, "", "😀")),
        query(index, "SELECT specialtydesignationtypes FROM read_parquet(?) WHERE indexnumberid = 'LT-EDGE'"));
    // 5000 and 5000.00 are the same exact decimal; '' is not NULL; non-BMP characters survive.
    assertEquals(
        List.of(new BigDecimal("5000.00"), new BigDecimal("5000.00")),
        query(index, "SELECT primaryclaimtotal FROM read_parquet(?) ORDER BY indexnumberid"));
    assertEquals(List.of(true), query(index,
        "SELECT court = '' AND status IS NULL AND disposedreason = 'Tenant 😀 𝄞 left' FROM read_parquet(?)"
            + " WHERE indexnumberid = 'LT-EDGE'"));

    Path causes = download(relation("oca_causes"));
    assertEquals(Map.of("amount", "DECIMAL(38,4)"), types(causes, "amount"));
    assertEquals(List.of(new BigDecimal("0.0010"), new BigDecimal("1234.5678")),
        query(causes, "SELECT amount FROM read_parquet(?) ORDER BY amount"));

    Path judgments = download(relation("oca_judgments"));
    assertEquals(
        Map.of("entereddatetime", "TIMESTAMP", "withpossession", "BOOLEAN", "sequence", "INTEGER",
            "creditorsroles", "VARCHAR[]"),
        types(judgments, "entereddatetime", "withpossession", "sequence", "creditorsroles"));
    assertEquals(
        List.of("LT-1|true", "LT-EDGE|false", "LT-EDGE|NULL"),
        query(judgments, "SELECT indexnumberid || '|' || coalesce(withpossession::VARCHAR, 'NULL') FROM read_parquet(?)"));
    assertEquals(List.of(true), query(judgments,
        "SELECT creditorsroles = [NULL]::VARCHAR[] AND len(debtorsroles) = 0"
            + " AND entereddatetime = TIMESTAMP '2023-12-31 23:59:59' FROM read_parquet(?)"
            + " WHERE indexnumberid = 'LT-EDGE' AND sequence = 1"));

    Path summary = download(relation("oca_case_summary"));
    assertEquals(
        Map.of("filed_week", "DATE", "filed_year", "INTEGER", "appearances", "BIGINT",
            "respondent_attorney", "BOOLEAN", "judgment_amount", "DECIMAL(38,2)", "warrant_issued_date", "DATE"),
        types(summary, "filed_week", "filed_year", "appearances", "respondent_attorney", "judgment_amount",
            "warrant_issued_date"));

    Path warrants = download(relation("oca_warrants"));
    assertEquals(
        List.of(Arrays.asList("NEW YORK, NY", null, "")),
        query(warrants, "SELECT propertiesonwarrantcities FROM read_parquet(?) WHERE sequence = 'B'"));
    assertEquals(
        List.of(Arrays.asList("10001", null, "}")),
        query(warrants, "SELECT propertiesonwarrantpostalcodes FROM read_parquet(?) WHERE sequence = 'B'"));

    Path decisions = download(relation("oca_decisions"));
    assertEquals(
        List.of(".....Key: 𝄞\r\n.....Other: \"q\", x"),
        query(decisions, "SELECT highlight FROM read_parquet(?) WHERE indexnumberid = 'LT-EDGE'"));
  }

  @Test
  void aTableLargerThanDuckDbsMemoryIsWrittenWithinIt() throws Exception {
    // 1,200 highlights of ~45 kB (54 MB) through a 96 MB DuckDB: it holds only its buffers and one
    // row group at a time.
    fresh.harness().promote(
        StagedFileFixture.file(PublishedEdgeCases.FILE).fullVersion("LT-BIG", "a").writeTo(fresh.store()));
    try (Connection c = fresh.harness().connection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO oca_decisions (indexnumberid, sequence, highlight)"
          + " SELECT 'LT-BIG', g, repeat('x' || g || ',', 8000) FROM generate_series(2, 1201) g");
    }

    SnapshotResult result = publisher(new ParquetSettings("96MB", work)).publish(fresh.harness().schema);

    PublishedRelation decisions = relation("oca_decisions");
    assertEquals(1201L, result.rowsPerObject().get(decisions.parquetKey()));
    assertEquals(postgresRows(decisions), parquetRows(decisions, download(decisions)));
    try (var left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "work files removed");
    }
  }

  @Test
  void aNumberNoDecimalCanHoldFailsThePublishNamingItsColumn() throws Exception {
    fresh.harness().promote(StagedFileFixture.file(PublishedEdgeCases.FILE)
        .version("LT-1", c -> c.index("primaryclaimtotal", "1" + "0".repeat(36) + ".125"))
        .writeTo(fresh.store()));

    IllegalStateException e =
        assertThrows(IllegalStateException.class,
            () -> publisher(ParquetSettings.DEFAULTS).publish(fresh.harness().schema));

    assertEquals(
        "Published relation oca_index, column primaryclaimtotal: a value with 37 integer digits and a scale of 3"
            + " does not fit a Parquet DECIMAL of 38 digits; no Parquet file written",
        e.getMessage());
  }

  private PublicSnapshot publisher(ParquetSettings settings) {
    return new PublicSnapshot(
        db.dataSource(), fresh.store(), List.<Grant>of(), new StoreRelationExporter(fresh.store()), settings);
  }

  private static PublishedRelation relation(String name) {
    return PublishedRelation.ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private Path download(PublishedRelation r) throws Exception {
    Path file = downloads.resolve(r.name() + ".parquet");
    fresh.store().download(r.parquetKey(), file);
    return file;
  }

  /** The relation's rows in PostgreSQL, in the published order, each value as Java sees it. */
  private List<List<Object>> postgresRows(PublishedRelation r) throws SQLException {
    String columns = r.columnNames().stream().map(c -> c.quoted()).collect(Collectors.joining(", "));
    try (Connection c = fresh.harness().connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT " + columns + " FROM " + r.source().quoted() + " ORDER BY " + columns)) {
      return rows(r, rs);
    }
  }

  private static List<List<Object>> parquetRows(PublishedRelation r, Path file) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        var ps = duckdb.prepareStatement("SELECT * FROM read_parquet(?)")) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(r.columns().size(), rs.getMetaData().getColumnCount(), r.name());
        for (int i = 0; i < r.columns().size(); i++) {
          assertEquals(r.columns().get(i).name(), rs.getMetaData().getColumnName(i + 1), r.name());
        }
        return rows(r, rs);
      }
    }
  }

  private static List<List<Object>> rows(PublishedRelation r, ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.columns().size(); i++) {
        row.add(value(rs, i + 1, r.columns().get(i).type()));
      }
      rows.add(row);
    }
    return rows;
  }

  /** One value in a form both drivers agree on when the values are equal; exact decimals unscaled. */
  private static Object value(ResultSet rs, int i, ColumnType type) throws SQLException {
    Object value = switch (type) {
      case TEXT -> rs.getString(i);
      case DATE -> rs.getObject(i, LocalDate.class);
      case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
      case INT, BIGINT -> rs.getObject(i) == null ? null : ((Number) rs.getObject(i)).longValue();
      case NUMERIC -> rs.getBigDecimal(i) == null ? null : rs.getBigDecimal(i).stripTrailingZeros().toPlainString();
      case BOOLEAN -> rs.getObject(i);
      case REAL -> rs.getObject(i) == null ? null : ((Number) rs.getObject(i)).floatValue();
      case TEXT_ARRAY -> {
        Array a = rs.getArray(i);
        yield a == null ? null : Arrays.asList((Object[]) a.getArray());
      }
    };
    return rs.wasNull() ? null : value;
  }

  private static Map<String, String> types(Path file, String... columns) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        var ps = duckdb.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (List.of(columns).contains(rs.getString("column_name"))) {
            types.put(rs.getString("column_name"), rs.getString("column_type").replace(", ", ","));
          }
        }
      }
    }
    return types;
  }

  /** The first column of a DuckDB query over one file ({@code ?}), arrays as lists. */
  private static List<Object> query(Path file, String sql) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); var ps = duckdb.prepareStatement(sql)) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object v = rs.getObject(1);
          values.add(v instanceof Array a ? Arrays.asList((Object[]) a.getArray()) : v);
        }
      }
    }
    return values;
  }
}
