package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.csv.CsvReader;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * {@code public/datapackage.json} after a real publish: valid by the Data Package and Table Schema
 * rules ({@link DataPackageRules}), every published file listed with its true size and SHA-256 (as
 * computed while it was written, checked against the stored object),
 * every schema matching its file's columns in order, and every value of every file parsing as its
 * declared type.
 */
class DataPackageTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Table Schema's lexical number: optional sign, digits with an optional fraction, optional exponent. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  /** The DuckDB types a Parquet column of each Table Schema type may have. */
  private static final Map<String, Pattern> PARQUET_TYPES = Map.of(
      "string", Pattern.compile("VARCHAR"),
      "date", Pattern.compile("DATE"),
      "datetime", Pattern.compile("TIMESTAMP"),
      "integer", Pattern.compile("INTEGER|BIGINT"),
      "number", Pattern.compile("DECIMAL\\(\\d+,\\d+\\)"),
      "boolean", Pattern.compile("BOOLEAN"),
      "array", Pattern.compile("VARCHAR\\[\\]"));

  @TempDir Path storeDir;
  @TempDir Path downloads;
  LocalObjectStore store;

  @BeforeEach
  void store() throws Exception {
    store = new LocalObjectStore(storeDir);
  }

  @Test
  void describesEveryPublishedFileValidly() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    h.promote(PublishedEdgeCases.file().writeTo(store));
    new PublicSnapshot(db.dataSource(), store).publish(h.schema);

    JsonNode pkg = descriptor();
    assertEquals(List.of(), DataPackageRules.violations(pkg));
    assertEquals("2024-03-08", pkg.get("dataDate").asText());
    assertEquals("notspecified", pkg.get("licenses").get(0).get("name").asText());
    assertTrue(pkg.get("sources").get(0).get("title").asText().contains("Office of Court Administration"));

    List<String> expected = new ArrayList<>();
    PublishedRelation.ALL.forEach(r -> expected.add(r.csvPath()));
    PublishedRelation.ALL.forEach(r -> expected.add(r.parquetPath()));
    assertEquals(expected, paths(pkg));

    for (JsonNode resource : pkg.get("resources")) {
      String key = "public/" + resource.get("path").asText();
      byte[] stored = read(key);
      assertEquals(stored.length, resource.get("bytes").asLong(), key);
      assertEquals("sha256:" + sha256(stored), resource.get("hash").asText(), key);
      assertFalse(resource.get("description").asText().isBlank(), key);
      JsonNode schema = resource.get("schema");
      assertEquals(List.of(""), strings(schema.get("missingValues")), key);
      for (JsonNode field : schema.get("fields")) {
        assertFalse(field.path("description").asText().isBlank(), key + " " + field.get("name"));
      }
      if (resource.get("format").asText().equals("csv")) {
        assertEquals("text/csv", resource.get("mediatype").asText());
        assertEquals("utf-8", resource.get("encoding").asText());
        assertCsvMatches(key, schema);
      } else {
        assertEquals("application/vnd.apache.parquet", resource.get("mediatype").asText());
        assertParquetMatches(key, schema);
      }
    }

    // Keys: oca_index, oca_metadata and the case summary by case id; every child table, address view
    // and the case summary refers to oca_index.
    for (String keyed : List.of("oca_index", "oca_metadata", "oca_case_summary", "oca_case_summary-parquet")) {
      assertEquals(List.of("indexnumberid"), strings(resource(pkg, keyed).get("schema").path("primaryKey")), keyed);
    }
    assertFalse(resource(pkg, "oca_metadata").get("schema").has("foreignKeys"), "tombstones outlive their case");
    for (String child : List.of("oca_causes", "oca_warrants", "oca_addresses", "oca_addresses_with_ct", "oca_case_summary")) {
      assertEquals("oca_index", resource(pkg, child).at("/schema/foreignKeys/0/reference/resource").asText(), child);
      assertEquals("oca_index-parquet",
          resource(pkg, child + "-parquet").at("/schema/foreignKeys/0/reference/resource").asText(), child);
    }
  }

  @Test
  void aSchemaWithoutPostgisDescribesNoTractView() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store, PostgisMode.OFF);
    new PublicSnapshot(db.dataSource(), store).publish(h.schema);

    JsonNode pkg = descriptor();
    assertEquals(List.of(), DataPackageRules.violations(pkg));
    assertFalse(pkg.has("dataDate"), "nothing promoted yet");
    assertFalse(paths(pkg).stream().anyMatch(p -> p.contains("oca_addresses_with_ct")), paths(pkg).toString());
    assertTrue(paths(pkg).contains("parquet/oca_addresses_with_bbl.parquet"));
  }

  /** The header is the schema's fields in order, and every value parses as its field's type. */
  private void assertCsvMatches(String key, JsonNode schema) throws Exception {
    List<JsonNode> fields = new ArrayList<>();
    schema.get("fields").forEach(fields::add);
    try (InputStream in = store.get(key);
        CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      assertEquals(fields.stream().map(f -> f.get("name").asText()).toList(), List.of(csv.next()), key);
      Set<String> missing = Set.copyOf(strings(schema.get("missingValues")));
      for (String[] row; (row = csv.next()) != null; ) {
        assertEquals(fields.size(), row.length, key + " line " + csv.line());
        for (int i = 0; i < row.length; i++) {
          String value = row[i] == null ? "" : row[i];
          if (!missing.contains(value)) {
            assertParses(fields.get(i), value, key + " line " + csv.line());
          }
        }
      }
    }
  }

  /** Table Schema's reading of one CSV value of a field's type and format. */
  private static void assertParses(JsonNode field, String value, String at) {
    String type = field.get("type").asText();
    String format = field.path("format").asText("default");
    String where = at + " " + field.get("name").asText() + " = " + value;
    try {
      switch (type) {
        case "string" -> { }
        case "date" -> LocalDate.parse(value, formatter(format, DateTimeFormatter.ISO_LOCAL_DATE));
        case "datetime" -> LocalDateTime.parse(value, formatter(format, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        case "integer" -> Long.parseLong(value);
        case "number" -> assertTrue(NUMBER.matcher(value).matches(), where);
        case "boolean" -> assertTrue(strings(field.get("trueValues")).contains(value)
            || strings(field.get("falseValues")).contains(value), where);
        default -> fail(where + ": no CSV field of type " + type + " expected");
      }
    } catch (RuntimeException e) {
      fail(where + ": " + e.getMessage());
    }
  }

  /** A Table Schema date/time pattern ({@code %Y-%m-%d %H:%M:%S}) as a java.time formatter. */
  private static DateTimeFormatter formatter(String format, DateTimeFormatter iso) {
    if (format.equals("default")) {
      return iso;
    }
    return DateTimeFormatter.ofPattern(format.replace("%Y", "uuuu").replace("%m", "MM").replace("%d", "dd")
        .replace("%H", "HH").replace("%M", "mm").replace("%S", "ss"));
  }

  /** The Parquet file's columns are the schema's fields in order, each of a type its field allows; it has rows. */
  private void assertParquetMatches(String key, JsonNode schema) throws Exception {
    Path file = downloads.resolve(key.replace('/', '_'));
    store.download(key, file);
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        var ps = duckdb.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString("column_name"));
          types.add(rs.getString("column_type").replace(", ", ","));
        }
      }
    }
    List<JsonNode> fields = new ArrayList<>();
    schema.get("fields").forEach(fields::add);
    assertEquals(fields.stream().map(f -> f.get("name").asText()).toList(), names, key);
    for (int i = 0; i < fields.size(); i++) {
      String type = fields.get(i).get("type").asText();
      Pattern allowed = PARQUET_TYPES.get(type);
      assertNotNull(allowed, key + ": no Parquet column of type " + type + " expected");
      assertTrue(allowed.matcher(types.get(i)).matches(), key + " " + names.get(i) + ": " + types.get(i) + " as " + type);
    }
  }

  /** The object as a reader downloads it (the test's files are small). */
  private byte[] read(String key) throws Exception {
    try (InputStream in = store.get(key)) {
      return in.readAllBytes();
    }
  }

  /** Computed here, not by the code under test. */
  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private JsonNode descriptor() throws Exception {
    try (InputStream in = store.get("public/datapackage.json")) {
      return JSON.readTree(in);
    }
  }

  private static List<String> paths(JsonNode pkg) {
    List<String> paths = new ArrayList<>();
    pkg.get("resources").forEach(r -> paths.add(r.get("path").asText()));
    return paths;
  }

  private static JsonNode resource(JsonNode pkg, String name) {
    for (JsonNode r : pkg.get("resources")) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name);
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(n -> strings.add(n.asText()));
    return strings;
  }
}
