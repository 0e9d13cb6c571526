package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.geocode.GeocodeTesting.address;
import static org.ocaetl.geocode.GeocodeTesting.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeResult.Outcome;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.testing.PostgresDatabaseExtension;

/** The production composition (cache + chain) on a real PostgreSQL cache and the stub services. */
class GeocoderChainTest {
  static final AtomicInteger SCHEMAS = new AtomicInteger();
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static GeocodingStub stub;
  String schema;
  Geocoding geocoding;

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void freshCache() {
    schema = "chain_" + SCHEMAS.incrementAndGet();
    SchemaMigrator.migrate(db.dataSource(), schema);
    geocoding = geocoding(Map.of());
  }

  @AfterEach
  void close() {
    geocoding.close();
  }

  /** Geoclient then Census (GeoSearch not configured), with extra environment variables. */
  Geocoding geocoding(Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>(stub.environment());
    env.remove("OCA_GEOSEARCH_URL");
    env.putAll(extra);
    GeocodingSettings settings =
        GeocodingSettings.fromEnvironment(env).withLimits(limits -> GeocodeTesting.LIMITS).withBreakerThreshold(2);
    return Geocoding.create(settings, settings.defaultGeocoder(), db.dataSource(), schema,
        new GeocodeTesting.RecordingSleeper());
  }

  List<GeocodeResult> geocode(PreparedAddress... addresses) throws InterruptedException {
    return geocoding.geocoder().geocode(List.of(addresses), run(2));
  }

  @Test
  void theCensusAnswersGeoclientsMissesWithItsOwnStatusAndMessages() throws Exception {
    assertEquals("geoclient+census", geocoding.name());
    List<GeocodeResult> results =
        geocode(address("314 W 100 St", "New York", "10025"), address("99999 W 100 St", "New York", "10025"));

    assertEquals("geoclient", results.get(0).geocoder());
    assertEquals("00", results.get(0).columns().grc());
    GeocodeResult fallback = results.get(1);
    assertEquals(Outcome.FOUND, fallback.outcome());
    assertEquals("census", fallback.geocoder());
    assertEquals("success", fallback.columns().status());
    assertEquals("Match", fallback.columns().msg());
    assertNull(fallback.columns().grc(), "not Geoclient's reject code next to the Census coordinates: a row's columns come from one geocoder");
    assertNull(fallback.columns().bbl());
  }

  @Test
  void anAddressNobodyFindsKeepsTheFirstGeocodersAnswer() throws Exception {
    GeocodeResult miss = geocode(address("1 Nowhere Rd", "Bronx", "10451")).getFirst();
    assertEquals(Outcome.NOT_FOUND, miss.outcome());
    assertEquals("geoclient", miss.geocoder());
    assertEquals("11", miss.columns().grc());
    assertEquals("error", miss.columns().status());
  }

  @Test
  void addressesOutsideTheCityGoStraightToTheCensus() throws Exception {
    long geoclient = stub.requests(Route.GEOCLIENT_ADDRESS);
    GeocodeResult yonkers = geocode(address("12 Main St", "Yonkers", "10701")).getFirst();
    assertEquals("census", yonkers.geocoder());
    assertEquals(Outcome.FOUND, yonkers.outcome());
    assertEquals(geoclient, stub.requests(Route.GEOCLIENT_ADDRESS));
  }

  @Test
  void anOutageIsNotHandedToTheFallbackAndIsNotCached() throws Exception {
    long census = stub.requests(Route.CENSUS);
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(503, null));
    GeocodeResult down;
    try {
      down = geocode(address("20 Jay St", "Brooklyn", "11201")).getFirst();
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
    assertEquals(Outcome.UNAVAILABLE, down.outcome());
    assertEquals(census, stub.requests(Route.CENSUS), "the Census is not a stand-in for an outage");
    assertEquals(0, cacheRows());

    assertEquals(Outcome.FOUND, geocode(address("20 Jay St", "Brooklyn", "11201")).getFirst().outcome(),
        "asked again once the service is back");
  }

  @Test
  void aSecondRunIsServedFromTheCacheWithoutAnyRequest() throws Exception {
    List<PreparedAddress> addresses = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      addresses.add(address(i + " Court St", "Brooklyn", "11201"));
    }
    addresses.add(address("99999 W 100 St", "New York", "10025")); // found by the fallback
    addresses.add(address("1 Nowhere Rd", "Bronx", "10451")); // found by nobody
    List<GeocodeResult> first = geocoding.geocoder().geocode(addresses, run(2));
    long requests = stub.totalRequests();

    GeocodeRun second = run(2);
    List<GeocodeResult> again = geocoding.geocoder().geocode(addresses, second);

    assertEquals(requests, stub.totalRequests(), "no HTTP request the second time");
    assertEquals(first, again, "the same answers, misses included");
    assertEquals(0, second.requests().sum());
    assertTrue(second.cacheHits() >= addresses.size(), "hits: " + second.cacheHits());
    assertEquals(Map.of("geoclient/v2", 32L, "census/Public_AR_Current", 2L), cacheRowsByGeocoder());
  }

  @Test
  void anotherReleaseIsGeocodedAgain() throws Exception {
    PreparedAddress address = address("40 Court St", "Brooklyn", "11201");
    geocode(address);
    long requests = stub.requests(Route.GEOCLIENT_ADDRESS);
    try (Geocoding next = geocoding(Map.of("OCA_GEOCLIENT_RELEASE", "25A"))) {
      GeocodeResult result = next.geocoder().geocode(List.of(address), run(2)).getFirst();
      assertEquals("25A", result.release());
    }
    assertEquals(requests + 1, stub.requests(Route.GEOCLIENT_ADDRESS));
  }

  long cacheRows() throws Exception {
    return cacheRowsByGeocoder().values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> cacheRowsByGeocoder() throws Exception {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT geocoder || '/' || release, count(*) FROM " + schema
            + ".oca_geocode_cache GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }
}
