package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.csv.CsvReader;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFile;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * docs/processing-rules.md#rule-14 end to end: staged files geocoded by the geocode step, then promoted. A later file whose
 * geocode of the same address is a miss or an outage never replaces the coordinates the address
 * already had.
 */
class GeocodeNeverDestroysTest {
  static final String MAR_01 = "LandlordTenant.Incr.2024-03-01.zip";
  static final String MAR_08 = "LandlordTenant.Incr.2024-03-08.zip";
  static final String MAR_15 = "LandlordTenant.Incr.2024-03-15.zip";
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static GeocodingStub stub;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void aMissOrAnOutageKeepsThePreviousCoordinates() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir.resolve("store")));

    // First file: Geoclient places one address, the Census the other (Geoclient rejects it).
    stage(h, "chain", Map.of(), fixture(MAR_01));
    List<String> first = rows(h);
    assertEquals(
        List.of("LT-1|314 W 100 St|success|40.79818|-73.97222|1018887502|00|∅",
            "LT-2|99999 W 100 St|success|40.%|-7%|∅|∅|Match"),
        masked(first));

    // Second file: the same addresses under a new Geoclient release, Geoclient alone: it rejects
    // 99999 (a definitive miss). The staged row carries the miss, the table keeps the coordinates.
    stage(h, "geoclient", Map.of("OCA_GEOCLIENT_RELEASE", "25A"), fixture(MAR_08));
    assertEquals("error|42|∅", stagedRow(h, MAR_08, "LT-2"));
    assertEquals(first, rows(h), "the miss replaced neither a coordinate nor its status");

    // Third file: Geoclient is down (another release, so the cache cannot answer).
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(503, null));
    try {
      stage(h, "geoclient", Map.of("OCA_GEOCLIENT_RELEASE", "25B"), fixture(MAR_15));
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
    assertEquals("∅|∅|∅", stagedRow(h, MAR_15, "LT-1"), "the outage left the staged row empty");
    assertEquals(first, rows(h), "the outage replaced nothing");
  }

  static StagedFileFixture fixture(String file) {
    return StagedFileFixture.file(file)
        .version("LT-1", c -> c.row(OcaTable.OCA_ADDRESSES,
            "street1", "314 W 100 St", "city", "New York", "state", "NY", "postalcode", "10025"))
        .version("LT-2", c -> c.row(OcaTable.OCA_ADDRESSES,
            "street1", "99999 W 100 St", "street2", "Apt 1", "city", "New York", "state", "NY", "postalcode", "10025"));
  }

  /** Stages the fixture, geocodes its addresses CSV as the geocode step does, and promotes it. */
  void stage(PromotionHarness h, String choice, Map<String, String> extraEnv, StagedFileFixture fixture) throws Exception {
    StagedFile file = fixture.writeTo(h.store);
    String key = StoreKeys.stagedCsv(file.fileName(), OcaTable.OCA_ADDRESSES);
    Path csv = dir.resolve(file.fileName() + ".csv");
    try (InputStream in = h.store.get(key)) {
      Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, String> env = new LinkedHashMap<>(stub.environment());
    env.remove("OCA_GEOSEARCH_URL");
    env.putAll(extraEnv);
    GeocodingSettings settings = GeocodingSettings.fromEnvironment(env).withLimits(limits -> GeocodeTesting.LIMITS);
    try (Geocoding geocoding = Geocoding.create(settings, choice, db.dataSource(), h.schema,
        new GeocodeTesting.RecordingSleeper())) {
      geocoding.geocodeCsv(csv, GeocodeTesting.run(5), report -> { });
    }
    h.store.put(key, csv, "text/csv");
    h.promote(file);
  }

  static List<String> rows(PromotionHarness h) throws Exception {
    return h.rows("SELECT indexnumberid, street1, status, lat, lon, bbl, grc, msg FROM oca_addresses ORDER BY 1");
  }

  static String stagedRow(PromotionHarness h, String file, String id) throws Exception {
    try (InputStream in = h.store.get(StoreKeys.stagedCsv(file, OcaTable.OCA_ADDRESSES));
        CsvReader csv = new CsvReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
      String[] row;
      while ((row = csv.next()) != null) {
        if (row[0].equals(id)) {
          return (row[6] == null ? "∅" : row[6]) + "|" + (row[20] == null ? "∅" : row[20]) + "|"
              + (row[14] == null ? "∅" : row[14]);
        }
      }
    }
    return null;
  }

  /** The Census coordinates are made up by the stub: only their shape is checked. */
  static List<String> masked(List<String> rows) {
    return rows.stream()
        .map(r -> r.startsWith("LT-2") ? r.replaceAll("\\|40\\.\\d+\\|", "|40.%|").replaceAll("\\|-7\\d\\.\\d+\\|", "|-7%|") : r)
        .toList();
  }
}
