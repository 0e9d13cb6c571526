package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.geocode.GeocodeTesting.address;
import static org.ocaetl.geocode.GeocodeTesting.run;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ocaetl.geocode.GeocodeTesting.RecordingSleeper;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeResult.Outcome;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.service.CensusBatchGeocoder;
import org.ocaetl.geocode.service.GeoSearchGeocoder;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;

/** The GeoSearch and Census batch clients against the stub. */
class GeoSearchAndCensusTest {
  static GeocodingStub stub;
  static HttpClient client;
  final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void startStub() throws Exception {
    stub = GeocodingStub.start();
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stopStub() {
    client.close();
    stub.close();
  }

  @Test
  void geoSearchTakesBblAndBinAsStringsOrNumbers() throws Exception {
    GeoSearchGeocoder geosearch = GeocodeTesting.geosearch(stub, client, sleeper);
    List<GeocodeResult> results = geosearch.geocode(
        List.of(address("10 Jay St", "Brooklyn", "11201"), address("11 Jay St", "Brooklyn", "11201")), run(5));

    for (GeocodeResult result : results) {
      assertEquals(Outcome.FOUND, result.outcome());
      GeocodeColumns c = result.columns();
      assertEquals("success", c.status());
      assertTrue(c.bbl().matches("3\\d{9}"), c.bbl());
      assertTrue(c.bin().matches("3\\d{6}"), c.bin());
      assertEquals("BROOKLYN", c.boro());
      assertEquals("JAY ST", c.sname());
      assertEquals("exact", c.msg());
      assertEquals("point", c.msg2());
      assertTrue(c.lat() > 40.4 && c.lat() < 41 && c.lon() > -74.3 && c.lon() < -73.6, "[lon, lat] order");
      assertNull(c.grc(), "no Geosupport codes from GeoSearch");
      assertNull(c.cd());
    }
  }

  @Test
  void geoSearchMissesAreNoFeatureOrAFallbackLayer() throws Exception {
    GeoSearchGeocoder geosearch = GeocodeTesting.geosearch(stub, client, sleeper);
    List<GeocodeResult> results = geosearch.geocode(
        List.of(address("12 Nowhere St", "Brooklyn", "11201"), address("12 Fallback St", "Brooklyn", "11201")),
        run(5));

    assertEquals(Outcome.NOT_FOUND, results.get(0).outcome());
    assertEquals("no match", results.get(0).columns().msg());
    assertEquals(Outcome.NOT_FOUND, results.get(1).outcome(), "a street centroid is not the building");
    assertEquals("street", results.get(1).columns().msg2());
    assertEquals("error", results.get(1).columns().status());
  }

  @Test
  void censusJoinsPartialMatchesById() throws Exception {
    CensusBatchGeocoder census = GeocodeTesting.census(stub, client, sleeper, 1_000);
    List<GeocodeResult> results = census.geocode(
        List.of(address("314 W 100 St", "New York", "10025"), address("1 Nowhere Rd", "New York", "10025"),
            address("100 Tie Ave", "Brooklyn", "11211"), address("12 Main St", "Yonkers", "10701")),
        run(5));

    GeocodeColumns match = results.get(0).columns();
    assertEquals(Outcome.FOUND, results.get(0).outcome(), "answers come back in another order");
    assertEquals("success", match.status());
    assertEquals("Match", match.msg());
    assertTrue(match.msg2().equals("Exact") || match.msg2().equals("Non_Exact"), match.msg2());
    assertEquals("Public_AR_Current", results.get(0).release());
    assertNull(match.bbl());
    assertEquals(Outcome.NOT_FOUND, results.get(1).outcome());
    assertEquals("No_Match", results.get(1).columns().msg());
    assertEquals("error", results.get(1).columns().status());
    assertEquals(Outcome.NOT_FOUND, results.get(2).outcome());
    assertEquals("Tie", results.get(2).columns().msg());
    assertEquals(Outcome.FOUND, results.get(3).outcome(), "the Census covers the whole country");
  }

  @Test
  void censusSplitsLargeBatchesIntoRequestsOfAtMostTenThousandRows() throws Exception {
    CensusBatchGeocoder census = GeocodeTesting.census(stub, client, sleeper, CensusBatchGeocoder.MAX_ROWS);
    List<PreparedAddress> addresses = new ArrayList<>();
    for (int i = 1; i <= 10_001; i++) {
      addresses.add(address(i + " Broadway", "New York", "10006"));
    }
    int before = stub.censusRowsPerRequest().size();
    List<GeocodeResult> results = census.geocode(addresses, run(5));

    assertEquals(10_001, results.size());
    assertTrue(results.stream().allMatch(GeocodeResult::found));
    List<Integer> sent = stub.censusRowsPerRequest().subList(before, stub.censusRowsPerRequest().size());
    assertEquals(List.of(1, 10_000), sent.stream().sorted().toList());
    assertThrows(IllegalArgumentException.class, () -> GeocodeTesting.census(stub, client, sleeper, 10_001));
  }

  @Test
  void aFailedCensusChunkLeavesItsAddressesUnavailable() throws Exception {
    CensusBatchGeocoder census = GeocodeTesting.census(stub, client, sleeper, 2);
    stub.inject(Route.CENSUS, new Fault.Status(503, null), new Fault.Status(503, null), new Fault.Status(503, null));
    List<GeocodeResult> results = census.geocode(List.of(address("1 Main St", "Bronx", "10451")), run(5));
    assertEquals(Outcome.UNAVAILABLE, results.getFirst().outcome());

    stub.inject(Route.CENSUS, new Fault.Malformed());
    results = census.geocode(List.of(address("2 Main St", "Bronx", "10451")), run(5));
    assertEquals(Outcome.FOUND, results.getFirst().outcome(), "a truncated answer is retried");
  }
}
