package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.geocode.GeocodeTesting.address;
import static org.ocaetl.geocode.GeocodeTesting.run;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeResult.Outcome;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.testing.Await;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * The claims that coalesce lookups across workers, and the lookups a worker shares between its
 * callers: a claim never blocks an address for ever (released however the lookup ends, expired
 * when its worker died), a live lookup keeps its claim, a waiting caller keeps to its own run's
 * time budget and asks itself when the lookup it waited for got no answer. Real PostgreSQL and the
 * stub Geoclient.
 */
class GeocodeClaimsTest {
  static final AtomicInteger SCHEMAS = new AtomicInteger();
  static final Duration POLL = Duration.ofMillis(50);
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static GeocodingStub stub;
  static HttpClient client;
  String schema;

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    stub.close();
  }

  @BeforeEach
  void freshCache() {
    schema = "claims_" + SCHEMAS.incrementAndGet();
    SchemaMigrator.migrate(db.dataSource(), schema);
  }

  /**
   * One worker: Geoclient (patient: requests are counted) behind the cache, its claims lasting two
   * minutes, polled every 50 ms.
   */
  CachedGeocoder worker() {
    return worker(
        GeocodeTesting.geoclient(stub, client, new GeocodeTesting.RecordingSleeper(), GeocodeTesting.PATIENT));
  }

  CachedGeocoder worker(Geocoder service) {
    return new CachedGeocoder(service, new GeocodeCache(db.dataSource(), schema),
        new GeocodeClaims(db.dataSource(), schema, GeocodeClaims.DURATION, POLL));
  }

  @Test
  void theClaimOfAWorkerThatDiedExpiresAndTheAddressIsThenAsked() throws Exception {
    PreparedAddress address = address("20 Jay St", "Brooklyn", "11201");
    claimRow(address.key(), "dead-worker", Duration.ofSeconds(1));
    long requests = stub.requests(Route.GEOCLIENT_ADDRESS);
    long started = System.nanoTime();

    GeocodeResult result = worker().geocode(List.of(address), run(5)).getFirst();

    assertEquals(Outcome.FOUND, result.outcome());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 500, "waited for the claim to expire");
    assertEquals(requests + 1, stub.requests(Route.GEOCLIENT_ADDRESS), "then asked, once");
    assertEquals(List.of(), claimRows());
  }

  @Test
  void aCallerWaitingForAnotherWorkerStopsAtItsTimeBudget() throws Exception {
    PreparedAddress address = address("20 Jay St", "Brooklyn", "11201");
    claimRow(address.key(), "busy-worker", Duration.ofMinutes(10));
    long requests = stub.requests(Route.GEOCLIENT_ADDRESS);
    GeocodeRun run = new GeocodeRun(Duration.ofMillis(300), 5);

    GeocodeResult result = worker().geocode(List.of(address), run).getFirst();

    assertEquals(Outcome.UNAVAILABLE, result.outcome(), "left for the backfill");
    assertTrue(run.stoppedBy().orElseThrow().startsWith("time budget"), run.stoppedBy().toString());
    assertEquals(requests, stub.requests(Route.GEOCLIENT_ADDRESS));
    assertEquals(List.of("busy-worker"), claimRows(), "the other worker's claim is left alone");
  }

  @Test
  void aLookupThatGotNoAnswerReleasesItsClaimForTheNextWorker() throws Exception {
    PreparedAddress address = address("20 Jay St", "Brooklyn", "11201");
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(503, null));
    try {
      assertEquals(Outcome.UNAVAILABLE, worker().geocode(List.of(address), run(2)).getFirst().outcome());
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
    assertEquals(List.of(), claimRows(), "released, though nothing was cached");

    // Another worker with a short budget: a claim left behind would have made it wait past it.
    GeocodeRun shortRun = new GeocodeRun(Duration.ofSeconds(5), 2);
    assertEquals(Outcome.FOUND, worker().geocode(List.of(address), shortRun).getFirst().outcome());
  }

  @Test
  void aLookupThatFailedReleasesItsClaimAndItsAddressInThisWorker() throws Exception {
    PreparedAddress address = address("20 Jay St", "Brooklyn", "11201");
    Geocoder geoclient =
        GeocodeTesting.geoclient(stub, client, new GeocodeTesting.RecordingSleeper(), GeocodeTesting.PATIENT);
    AtomicInteger calls = new AtomicInteger();
    CachedGeocoder worker = worker(new Geocoder() { // fault injection: the first call fails
      @Override
      public String name() {
        return geoclient.name();
      }

      @Override
      public String release() {
        return geoclient.release();
      }

      @Override
      public List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run) throws InterruptedException {
        if (calls.getAndIncrement() == 0) {
          throw new IllegalStateException("geoclient failed on an address");
        }
        return geoclient.geocode(addresses, run);
      }
    });

    assertThrows(IllegalStateException.class, () -> worker.geocode(List.of(address), run(5)));
    assertEquals(List.of(), claimRows());
    GeocodeResult again = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> worker.geocode(List.of(address), run(5)).getFirst(), "nothing left in flight to wait for");
    assertEquals(Outcome.FOUND, again.outcome());
  }

  @Test
  void aCallerWhoseSharedLookupGotNoAnswerAsksItselfWithinItsOwnRun() throws Exception {
    PreparedAddress address = address("20 Jay St", "Brooklyn", "11201");
    CachedGeocoder worker = worker();
    long requests = stub.requests(Route.GEOCLIENT_ADDRESS);
    FutureTask<GeocodeResult> spent;
    FutureTask<GeocodeResult> fresh;
    try (Connection other = db.dataSource().getConnection()) {
      // An uncommitted claim of the address holds the first caller at its claim, in flight.
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement("INSERT INTO " + schema + ".oca_geocode_claims"
          + " VALUES (?, 'geoclient', 'v2', 'another-worker', now())")) {
        ps.setString(1, address.key());
        ps.executeUpdate();
      }
      // The first caller's run has spent its budget: its lookup gets no answer.
      GeocodeRun spentRun = new GeocodeRun(Duration.ofMillis(1), 5);
      spent = new FutureTask<>(() -> worker.geocode(List.of(address), spentRun).getFirst());
      Thread.ofPlatform().start(spent);
      Await.until(Duration.ofSeconds(30), "the first caller to wait at its claim", () -> rowLockWaits() > 0);
      fresh = new FutureTask<>(() -> worker.geocode(List.of(address), run(5)).getFirst());
      Thread second = Thread.ofPlatform().start(fresh);
      Await.until(Duration.ofSeconds(30), "the second caller to wait for the first's lookup",
          () -> second.getState() == Thread.State.WAITING);
      other.rollback();
    }
    assertEquals(Outcome.UNAVAILABLE, spent.get().outcome());
    assertEquals(Outcome.FOUND, fresh.get().outcome(), "not the first run's spent budget");
    assertEquals(requests + 1, stub.requests(Route.GEOCLIENT_ADDRESS));
    assertEquals(List.of(), claimRows());
  }

  @Test
  void anotherWorkerCannotTakeALiveClaimEvenPastItsDurationButItsOwnerCan() throws Exception {
    Duration duration = Duration.ofSeconds(1);
    GeocodeClaims first = new GeocodeClaims(db.dataSource(), schema, duration, POLL);
    GeocodeClaims second = new GeocodeClaims(db.dataSource(), schema, duration, POLL);
    try (GeocodeClaims.Held held = first.claim("geoclient", "v2", List.of("a", "b"))) {
      assertEquals(Set.of("a", "b"), held.keys());
      Thread.sleep(duration.multipliedBy(5).dividedBy(2));
      try (GeocodeClaims.Held late = second.claim("geoclient", "v2", List.of("a", "b", "c"))) {
        assertEquals(Set.of("c"), late.keys(), "renewed while held");
      }
      try (GeocodeClaims.Held leftOver = first.claim("geoclient", "v2", List.of("a"))) {
        assertEquals(Set.of("a"), leftOver.keys(), "a claim its worker failed to release does not block it");
      }
    }
    try (GeocodeClaims.Held after = second.claim("geoclient", "v2", List.of("a", "b"))) {
      assertEquals(Set.of("a", "b"), after.keys(), "released");
    }
  }

  @Test
  void workersClaimingOverlappingAddressesInOppositeOrdersNeverDeadlock() throws Exception {
    List<String> keys = IntStream.range(0, 20_000).mapToObj(i -> "key-" + i).toList();
    List<String> reversed = new ArrayList<>(keys).reversed();
    GeocodeClaims first = new GeocodeClaims(db.dataSource(), schema);
    GeocodeClaims second = new GeocodeClaims(db.dataSource(), schema);
    for (int round = 0; round < 5; round++) {
      FutureTask<GeocodeClaims.Held> a = new FutureTask<>(() -> first.claim("geoclient", "v2", keys));
      FutureTask<GeocodeClaims.Held> b = new FutureTask<>(() -> second.claim("geoclient", "v2", reversed));
      Thread.ofPlatform().start(a);
      Thread.ofPlatform().start(b);
      try (GeocodeClaims.Held heldA = a.get(); GeocodeClaims.Held heldB = b.get()) {
        assertEquals(keys.size(), heldA.keys().size() + heldB.keys().size(), "each address claimed once");
      }
    }
  }

  void claimRow(String key, String owner, Duration expiresIn) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".oca_geocode_claims"
            + " VALUES (?, 'geoclient', 'v2', ?, now() + ? * interval '1 millisecond')")) {
      ps.setString(1, key);
      ps.setString(2, owner);
      ps.setLong(3, expiresIn.toMillis());
      ps.executeUpdate();
    }
  }

  List<String> claimRows() throws Exception {
    List<String> owners = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT owner FROM " + schema + ".oca_geocode_claims ORDER BY 1")) {
      while (rs.next()) {
        owners.add(rs.getString(1));
      }
    }
    return owners;
  }

  long rowLockWaits() {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
