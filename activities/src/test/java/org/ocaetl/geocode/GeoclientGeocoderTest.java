package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.geocode.GeocodeTesting.SLOW;
import static org.ocaetl.geocode.GeocodeTesting.address;
import static org.ocaetl.geocode.GeocodeTesting.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ocaetl.geocode.GeocodeTesting.RecordingSleeper;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeResult.Outcome;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.service.GeoclientGeocoder;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;

/** The Geoclient client against the stub: mapping of every documented answer, and failure handling. */
class GeoclientGeocoderTest {
  static GeocodingStub stub;
  static HttpClient client;
  RecordingSleeper sleeper;
  GeoclientGeocoder geoclient;

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

  @BeforeEach
  void newClient() {
    sleeper = new RecordingSleeper();
    geoclient = GeocodeTesting.geoclient(stub, client, sleeper);
  }

  GeocodeResult one(PreparedAddress address, GeocodeRun run) throws InterruptedException {
    return geoclient.geocode(List.of(address), run).getFirst();
  }

  @Test
  void mapsTheDocumentedSuccessExactly() throws Exception {
    GeocodeResult result = one(address("314 West 100 Street, Apt 5", "New York", "10025"), run(5));

    assertEquals(Outcome.FOUND, result.outcome());
    assertEquals("geoclient", result.geocoder());
    assertEquals("v2", result.release());
    GeocodeColumns c = result.columns();
    assertEquals("success", c.status());
    assertEquals("314", c.houseNumber());
    assertEquals("WEST 100 STREET", c.streetName(), "the street as sent, unit removed");
    assertEquals("10025", c.zipCode());
    assertNull(c.boroughCode(), "legacy column");
    assertNull(c.placeName(), "legacy column");
    assertEquals("WEST  100 STREET", c.sname(), "inner padding kept, as Geosupport spells it");
    assertEquals("314", c.hnum());
    assertEquals("MANHATTAN", c.boro());
    assertEquals(40.798178, c.lat());
    assertEquals(-73.972225, c.lon());
    assertEquals("1057093", c.bin());
    assertEquals("1018887502", c.bbl());
    assertEquals("107", c.cd());
    assertEquals("187", c.ct(), "censusTract2010 arrives as ' 187  '");
    assertEquals("07", c.council());
    assertEquals("00", c.grc());
    assertEquals("00", c.grc2());
    assertNull(c.msg());
    assertNull(c.msg2());
  }

  @Test
  void aRejectIsAMissWithItsCodesAndNoCoordinates() throws Exception {
    GeocodeResult reject = one(address("99999 West 100 St", "Manhattan", "10025"), run(5));
    assertEquals(Outcome.NOT_FOUND, reject.outcome(), "HTTP 200 with return code 42");
    assertEquals("error", reject.columns().status());
    assertEquals("42", reject.columns().grc());
    assertEquals("ADDRESS NUMBER OUT OF RANGE", reject.columns().msg());
    assertFalse(reject.columns().hasCoordinates());

    GeocodeResult unknownStreet = one(address("12 Nowhere Rd", "Bronx", "10451"), run(5));
    assertEquals(Outcome.NOT_FOUND, unknownStreet.outcome());
    assertEquals("11", unknownStreet.columns().grc());
  }

  @Test
  void aWarningAndASplitResultAreSuccessesWithTheirMessages() throws Exception {
    GeocodeResult warning = one(address("77777 Atlantic Ave", "Brooklyn", "11201"), run(5));
    assertEquals(Outcome.FOUND, warning.outcome());
    assertEquals("01", warning.columns().grc());
    assertEquals("STREET NAME IS AN ALIAS", warning.columns().msg());

    GeocodeResult split = one(address("88888 Atlantic Ave", "Brooklyn", "11201"), run(5));
    assertEquals(Outcome.FOUND, split.outcome(), "1E succeeded: coordinates");
    assertEquals("success", split.columns().status());
    assertEquals("00", split.columns().grc());
    assertEquals("42", split.columns().grc2());
    assertEquals("ADDRESS NUMBER OUT OF RANGE", split.columns().msg2());
    assertNull(split.columns().bbl(), "1A failed: no BBL");
  }

  @Test
  void aLineWithoutHouseNumberGoesToSearch() throws Exception {
    long before = stub.requests(Route.GEOCLIENT_SEARCH);
    GeocodeResult exact = one(address("Grand Concourse Plaza", "Bronx", "10451"), run(5));
    assertEquals(Outcome.FOUND, exact.outcome());
    assertNull(exact.columns().houseNumber());

    GeocodeResult possible = one(address("Possible Place", "Bronx", "10451"), run(5));
    assertEquals(Outcome.NOT_FOUND, possible.outcome(), "a POSSIBLE_MATCH is not used");
    assertEquals("POSSIBLE_MATCH", possible.columns().msg2());

    GeocodeResult none = one(address("Nowhere Plaza", "Bronx", "10451"), run(5));
    assertEquals(Outcome.NOT_FOUND, none.outcome(), "empty results");
    assertEquals(before + 3, stub.requests(Route.GEOCLIENT_SEARCH));
  }

  @Test
  void addressesOutsideTheCityAreDeclinedWithoutARequest() throws Exception {
    long before = stub.totalRequests();
    GeocodeResult result = one(address("12 Main St", "Yonkers", "10701"), run(5));
    assertEquals(Outcome.DECLINED, result.outcome());
    assertEquals(before, stub.totalRequests());
  }

  @Test
  void honoursRetryAfterOn429AndRetries5xx() throws Exception {
    stub.inject(Route.GEOCLIENT_ADDRESS, new Fault.Status(429, "2"), new Fault.Status(503, null));
    GeocodeResult result = one(address("314 W 100 St", "New York", "10025"), run(5));

    assertEquals(Outcome.FOUND, result.outcome(), "third attempt answers");
    assertTrue(sleeper.longest().compareTo(Duration.ofSeconds(2)) >= 0, "waited for Retry-After: " + sleeper.waits);
    assertEquals(2, sleeper.waits.size());
  }

  @Test
  void aRetryAfterLongerThanTheLimitStopsTheServiceAtOnce() throws Exception {
    GeocodeRun run = run(5);
    stub.inject(Route.GEOCLIENT_ADDRESS, new Fault.Status(429, "3600"));
    GeocodeResult throttled = one(address("1 Atlantic Ave", "Brooklyn", "11201"), run);
    assertEquals(Outcome.UNAVAILABLE, throttled.outcome(), "an hour is a spent quota, not a pause");
    assertTrue(run.breaker("geoclient").isOpen());
    assertTrue(sleeper.waits.isEmpty(), "did not wait an hour");
  }

  @Test
  void slowResponsesTimeOutAndAreRetried() throws Exception {
    stub.inject(Route.GEOCLIENT_ADDRESS, new Fault.Slow(SLOW));
    assertEquals(Outcome.FOUND, one(address("2 Atlantic Ave", "Brooklyn", "11201"), run(5)).outcome());

    stub.inject(Route.GEOCLIENT_ADDRESS, new Fault.Slow(SLOW), new Fault.Slow(SLOW), new Fault.Slow(SLOW));
    GeocodeRun run = run(5);
    assertEquals(Outcome.UNAVAILABLE, one(address("3 Atlantic Ave", "Brooklyn", "11201"), run).outcome(),
        "three timeouts spend the attempts");
    assertFalse(run.breaker("geoclient").isOpen(), "one failed call is below the threshold");
  }

  @Test
  void malformedBodiesAndDroppedConnectionsAreRetried() throws Exception {
    stub.inject(Route.GEOCLIENT_ADDRESS, new Fault.Malformed(), new Fault.Drop());
    long before = stub.requests(Route.GEOCLIENT_ADDRESS);
    assertEquals(Outcome.FOUND, one(address("4 Atlantic Ave", "Brooklyn", "11201"), run(5)).outcome());
    assertEquals(before + 3, stub.requests(Route.GEOCLIENT_ADDRESS));
  }

  @Test
  void theBreakerStopsCallingAServiceThatKeepsFailing() throws Exception {
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(500, null));
    try {
      GeocodeRun run = run(2); // the breaker opens after two calls in a row spent their retries
      long before = stub.requests(Route.GEOCLIENT_ADDRESS);
      // Calls already in flight finish their attempts (how many depends on scheduling), so the
      // breaker is opened by one batch and observed on the next one, which sends nothing.
      List<GeocodeResult> first =
          geoclient.geocode(
              List.of(address("1 Fulton St", "Brooklyn", "11201"), address("2 Fulton St", "Brooklyn", "11201")), run);
      assertTrue(first.stream().allMatch(r -> r.outcome() == Outcome.UNAVAILABLE));
      assertTrue(run.breaker("geoclient").isOpen());
      assertTrue(run.stoppedBy().orElseThrow().contains("HTTP 500"), run.stoppedBy().orElseThrow());
      long afterFirst = stub.requests(Route.GEOCLIENT_ADDRESS);
      assertEquals(2 * 3, afterFirst - before, "each call spent its three attempts");

      List<PreparedAddress> many = new java.util.ArrayList<>();
      for (int i = 3; i <= 40; i++) {
        many.add(address(i + " Fulton St", "Brooklyn", "11201"));
      }
      List<GeocodeResult> rest = geoclient.geocode(many, run);

      assertTrue(rest.stream().allMatch(r -> r.outcome() == Outcome.UNAVAILABLE));
      assertEquals(afterFirst, stub.requests(Route.GEOCLIENT_ADDRESS), "the open breaker sends nothing");
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
  }

  @Test
  void aRefusedKeyStopsTheServiceAtOnce() throws Exception {
    GeoclientGeocoder wrongKey =
        new GeoclientGeocoder(
            new HttpCaller("geoclient", client, GeocodeTesting.LIMITS, sleeper, Clock.systemUTC()),
            stub.geoclientUrl(), "not-the-key", "v2");
    GeocodeRun run = run(5);
    long before = stub.requests(Route.GEOCLIENT_ADDRESS);
    List<GeocodeResult> results = wrongKey.geocode(
        List.of(address("5 Atlantic Ave", "Brooklyn", "11201"), address("6 Atlantic Ave", "Brooklyn", "11201")), run);

    assertTrue(results.stream().allMatch(r -> r.outcome() == Outcome.UNAVAILABLE));
    assertTrue(run.stoppedBy().orElseThrow().contains("HTTP 401"));
    assertFalse(run.stoppedBy().orElseThrow().contains("not-the-key"), "the key is never in a message");
    assertTrue(stub.requests(Route.GEOCLIENT_ADDRESS) - before <= 2, "no retry of a refused key");
  }

  @Test
  void anUnknownPathStopsTheService() throws Exception {
    GeoclientGeocoder wrongUrl =
        new GeoclientGeocoder(GeocodeTesting.caller("geoclient", client, sleeper),
            URI.create(stub.geoclientUrl() + "/nothing-here"), GeocodingStub.KEY, "v2");
    GeocodeRun run = run(5);
    assertEquals(Outcome.UNAVAILABLE, wrongUrl.geocode(List.of(address("7 Atlantic Ave", "Brooklyn", "11201")), run)
        .getFirst().outcome());
    assertTrue(run.stoppedBy().orElseThrow().contains("HTTP 404"));
  }
}
