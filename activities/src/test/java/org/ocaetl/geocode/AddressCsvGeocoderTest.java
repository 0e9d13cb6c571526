package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.csv.CsvReader;
import org.ocaetl.csv.CsvWriter;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.testing.PostgresDatabaseExtension;

/** The streaming rewrite of a staged oca_addresses.csv, over the stub services and a real cache. */
class AddressCsvGeocoderTest {
  static final String HEADER = OcaTable.OCA_ADDRESSES.columnList();
  static final int LAT = 14;
  static final int LON = 24;
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static GeocodingStub stub;
  static int schemas;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  /** Geoclient then Census, batches of {@code batchRows} rows, a fresh cache. */
  Geocoding geocoding(int batchRows) {
    String schema = "csv_" + ++schemas;
    SchemaMigrator.migrate(db.dataSource(), schema);
    java.util.Map<String, String> env = new java.util.LinkedHashMap<>(stub.environment());
    env.remove("OCA_GEOSEARCH_URL");
    GeocodingSettings settings = GeocodingSettings.fromEnvironment(env)
        .withLimits(limits -> GeocodeTesting.LIMITS).withBatchRows(batchRows).withBreakerThreshold(2);
    return Geocoding.create(settings, "chain", db.dataSource(), schema, new GeocodeTesting.RecordingSleeper());
  }

  static String row(String id, String street1, String street2, String city, String zip, String... geocoded) {
    String[] fields = new String[26];
    fields[0] = id;
    fields[1] = street1;
    fields[2] = street2;
    fields[3] = city;
    fields[4] = "NY";
    fields[5] = zip;
    System.arraycopy(geocoded, 0, fields, 6, geocoded.length);
    StringWriter out = new StringWriter();
    try (CsvWriter csv = new CsvWriter(out)) {
      csv.write(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  Path csv(String... rows) throws IOException {
    Path csv = dir.resolve("oca_addresses.csv");
    Files.writeString(csv, HEADER + "\n" + String.join("", rows), StandardCharsets.UTF_8);
    return csv;
  }

  static List<String[]> read(Path csv) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv); CsvReader in = new CsvReader(reader)) {
      String[] row;
      while ((row = in.next()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void geocodesEveryRowKeepingOrderAndTheOtherColumnsExactly() throws Exception {
    String[] already = new String[20];
    already[0] = "success";
    already[8] = "40.7";
    already[18] = "-73.9";
    Path csv = csv(
        row("LT-1", "314 West 100 Street", "Apt 5", "New York", "10025"),
        row("LT-1", "314 W 100 St", "", "Manhattan", "10025-4411"),
        row("LT-2", "99999 W 100 St", null, "New York", "10025"),
        row("LT-3", "1 Nowhere Rd, \"rear\"", "line one\nline two", "Bronx", "10451"),
        row("LT-4", null, null, "Bronx", "10451"),
        row("LT-5", "12 Main St", null, "Yonkers", "10701"),
        row("LT-6", "5 Court St", null, "Brooklyn", "11201", already));
    long requestsBefore = stub.totalRequests();

    AddressCsvGeocoder.Report report;
    try (Geocoding geocoding = geocoding(2)) {
      List<AddressCsvGeocoder.Report> progress = new ArrayList<>();
      report = geocoding.geocodeCsv(csv, GeocodeTesting.run(2), progress::add);
      assertTrue(progress.size() >= 4, "a progress report per batch of 2 rows: " + progress.size());
    }

    List<String[]> rows = read(csv);
    assertEquals(Arrays.asList(HEADER.split(",")), Arrays.asList(rows.getFirst()));
    assertEquals(8, rows.size());
    String[] spec = rows.get(1);
    assertArrayEquals(new String[] {"LT-1", "314 West 100 Street", "Apt 5", "New York", "NY", "10025"},
        Arrays.copyOf(spec, 6));
    assertEquals("success", spec[6]);
    assertEquals("40.798178", spec[LAT]);
    assertEquals("-73.972225", spec[LON]);
    assertEquals("187", spec[18], "ct trimmed");
    assertEquals("", rows.get(2)[2], "an empty street2 stays the empty string, not NULL");
    assertEquals("40.798178", rows.get(2)[LAT], "another spelling of the same address");
    assertNull(rows.get(3)[2], "NULL stays NULL");
    assertEquals("Match", rows.get(3)[22], "the Census fallback");
    assertEquals("1 Nowhere Rd, \"rear\"", rows.get(4)[1]);
    assertEquals("line one\nline two", rows.get(4)[2]);
    assertEquals("error", rows.get(4)[6], "a miss has its status and code");
    assertEquals("11", rows.get(4)[20]);
    assertNull(rows.get(4)[LAT]);
    assertNull(rows.get(5)[6], "no street: nothing to geocode");
    assertEquals("census", geocodedBy(rows.get(6)), "outside the city: the Census");
    assertArrayEquals(already, Arrays.copyOfRange(rows.get(7), 6, 26), "rows with coordinates are left alone");

    assertEquals(new AddressCsvGeocoder.Report(7, 5, 1, 0, 4, 0, 5, null), report);
    assertEquals(report.requests(), stub.totalRequests() - requestsBefore);
    assertFalse(Files.exists(dir.resolve("oca_addresses.csv.geocoding")), "the temporary file replaced the staged one");
  }

  private static String geocodedBy(String[] row) {
    return row[6].equals("success") && "Match".equals(row[22]) ? "census" : "geoclient";
  }

  @Test
  void aServiceOutageMidFileLeavesTheRestForTheBackfillWithoutFailing() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      rows.append(row("LT-" + i, i + " Atlantic Ave", null, "Brooklyn", "11201"));
    }
    Path csv = csv(rows.toString());
    stub.inject(Route.GEOCLIENT_ADDRESS, new Fault.Status(500, null));
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(503, null));
    AddressCsvGeocoder.Report report;
    try (Geocoding geocoding = geocoding(5)) {
      report = geocoding.geocodeCsv(csv, GeocodeTesting.run(2), r -> { });
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
    assertEquals(20, report.rows());
    assertEquals(0, report.rowsGeocoded());
    assertEquals(20, report.rowsLeft());
    assertTrue(report.stoppedBy().startsWith("geoclient: 2 calls in a row failed"), report.stoppedBy());
    // Calls already in flight finish their attempts; nothing new starts once the breaker is open.
    int inFlight = GeocodeTesting.LIMITS.concurrency() * GeocodeTesting.RETRY.maxAttempts();
    assertTrue(report.requests() <= inFlight && report.requests() < 20 * GeocodeTesting.RETRY.maxAttempts(),
        "stopped early: " + report.requests());
    assertEquals(21, read(csv).size(), "every row written");
    assertTrue(read(csv).stream().skip(1).allMatch(r -> r[6] == null && r[LAT] == null), "left empty");
  }

  @Test
  void aSpentBudgetLeavesTheRestForTheBackfill() throws Exception {
    Path csv = csv(row("LT-1", "1 Atlantic Ave", null, "Brooklyn", "11201"));
    try (Geocoding geocoding = geocoding(5)) {
      AddressCsvGeocoder.Report report = geocoding.geocodeCsv(csv, new GeocodeRun(Duration.ZERO, 2), r -> { });
      assertEquals(1, report.rowsLeft());
      assertTrue(report.stoppedBy().startsWith("time budget"), report.stoppedBy());
    }
  }

  @Test
  void aFileWithoutTheAddressColumnsIsRefused() throws Exception {
    Path csv = dir.resolve("oca_addresses.csv");
    Files.writeString(csv, "indexnumberid,street1\nLT-1,1 Main St\n");
    try (Geocoding geocoding = geocoding(5)) {
      assertThrows(IOException.class, () -> geocoding.geocodeCsv(csv, GeocodeTesting.run(2), r -> { }));
    }
  }

  @Test
  void csvRecordsRoundTripNullsEmptyStringsQuotesAndLineBreaks() throws IOException {
    String[] record = {null, "", "plain", "a,b", "say \"hi\"", "two\nlines", "\r\n", "\\."};
    StringWriter out = new StringWriter();
    try (CsvWriter csv = new CsvWriter(out)) {
      csv.write(record);
      csv.write(record);
    }
    assertTrue(out.toString().startsWith(",\"\",plain,\"a,b\",\"say \"\"hi\"\"\","), out.toString());
    try (CsvReader in = new CsvReader(new StringReader(out.toString().replace("\n\"\\.", "\r\n\"\\.")))) {
      assertArrayEquals(record, in.next());
      assertArrayEquals(record, in.next());
      assertNull(in.next());
    }
    assertEquals(26, OcaTable.OCA_ADDRESSES.columns().size());
    assertEquals(GeocodeColumns.NAMES,
        OcaTable.OCA_ADDRESSES.columns().stream().skip(6).map(Column::name).toList());
  }
}
