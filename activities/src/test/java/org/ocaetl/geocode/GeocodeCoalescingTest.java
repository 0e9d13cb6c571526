package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * Two files that share addresses (an Initial and the weekly that updates its cases) geocoded at
 * the same time, by one worker or by two workers sharing the cache: every distinct address is asked
 * once. The real stub services (Geoclient answers slowly, so the files overlap) and a real cache.
 */
class GeocodeCoalescingTest {
  static final AtomicInteger SCHEMAS = new AtomicInteger();
  static final List<String> STREETS = List.of("Court St", "Smith St", "Hoyt St", "Bond St", "Nevins St");
  /** Court St 1..380 and the five 99999s (Geoclient rejects them, the Census finds them). */
  static final int GEOCLIENT_ADDRESSES = 385;
  /** The five 99999s and Main St, Yonkers 1..40. */
  static final int CENSUS_ADDRESSES = 45;

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static GeocodingStub stub;
  String schema;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
    stub.countAnswersPerAddress();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void freshCache() {
    schema = "coalesce_" + SCHEMAS.incrementAndGet();
    SchemaMigrator.migrate(db.dataSource(), schema);
  }

  /**
   * One worker's geocoding (Geoclient, then the Census), batches of 40 rows, on this test's cache,
   * with {@link GeocodeTesting#PATIENT} request timeouts.
   */
  Geocoding worker() {
    Map<String, String> env = new LinkedHashMap<>(stub.environment());
    env.remove("OCA_GEOSEARCH_URL");
    GeocodingSettings settings = GeocodingSettings.fromEnvironment(env)
        .withLimits(limits -> GeocodeTesting.PATIENT).withBatchRows(40);
    return Geocoding.create(settings, "chain", db.dataSource(), schema, new GeocodeTesting.RecordingSleeper());
  }

  @Test
  void twoOverlappingFilesStagedAtOnceByOneWorkerAskEachDistinctAddressOnce() throws Exception {
    try (Geocoding worker = worker()) {
      assertEachAddressAskedOnce(stageAtOnce(worker, worker));
    }
  }

  @Test
  void twoWorkersSharingTheCacheAskEachDistinctAddressOnce() throws Exception {
    try (Geocoding first = worker(); Geocoding second = worker()) {
      assertEachAddressAskedOnce(stageAtOnce(first, second));
    }
  }

  /**
   * Geocodes the Initial with {@code initialWorker} and the weekly with {@code weeklyWorker}, both
   * started together; returns the answers the stub gave per address meanwhile.
   */
  Map<String, Long> stageAtOnce(Geocoding initialWorker, Geocoding weeklyWorker) throws Exception {
    List<String> shared = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      shared.add(AddressCsvGeocoderTest.row("LT-" + i, i + " Court St", null, "Brooklyn", "11201"));
    }
    for (String street : STREETS) {
      shared.add(AddressCsvGeocoderTest.row("LT-" + street, "99999 " + street, null, "Brooklyn", "11201"));
    }
    for (int i = 1; i <= 20; i++) {
      shared.add(AddressCsvGeocoderTest.row("LT-Y" + i, i + " Main St", null, "Yonkers", "10701"));
    }
    List<String> initial = new ArrayList<>(shared);
    for (int i = 201; i <= 300; i++) {
      initial.add(AddressCsvGeocoderTest.row("LT-" + i, i + " Court St", null, "Brooklyn", "11201"));
    }
    for (int i = 21; i <= 30; i++) {
      initial.add(AddressCsvGeocoderTest.row("LT-Y" + i, i + " Main St", null, "Yonkers", "10701"));
    }
    List<String> weekly = new ArrayList<>(shared);
    Collections.shuffle(weekly, new Random(11)); // the weekly updates the shared cases in another order
    for (int i = 301; i <= 380; i++) {
      weekly.add(AddressCsvGeocoderTest.row("LT-" + i, i + " Court St", null, "Brooklyn", "11201"));
    }
    for (int i = 31; i <= 40; i++) {
      weekly.add(AddressCsvGeocoderTest.row("LT-Y" + i, i + " Main St", null, "Yonkers", "10701"));
    }
    Path initialCsv = csv("initial", initial);
    Path weeklyCsv = csv("weekly", weekly);

    Map<String, Long> before = stub.answersPerAddress();
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Slow(Duration.ofMillis(15)));
    ExecutorService files = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Future<AddressCsvGeocoder.Report> first = files.submit(() -> {
        go.await();
        return initialWorker.geocodeCsv(initialCsv, GeocodeTesting.run(5), r -> { });
      });
      Future<AddressCsvGeocoder.Report> second = files.submit(() -> {
        go.await();
        return weeklyWorker.geocodeCsv(weeklyCsv, GeocodeTesting.run(5), r -> { });
      });
      go.countDown();
      assertEquals(initial.size(), first.get().rowsGeocoded(), "the Initial geocoded whole");
      assertEquals(weekly.size(), second.get().rowsGeocoded(), "the weekly geocoded whole");
    } finally {
      files.shutdown();
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
    Map<String, Long> during = new LinkedHashMap<>();
    stub.answersPerAddress().forEach((address, count) -> {
      long asked = count - before.getOrDefault(address, 0L);
      if (asked > 0) {
        during.put(address, asked);
      }
    });
    return during;
  }

  static void assertEachAddressAskedOnce(Map<String, Long> answers) {
    Map<String, Long> twice = new LinkedHashMap<>(answers);
    twice.values().removeIf(count -> count == 1);
    assertEquals(Map.of(), twice, "addresses asked more than once");
    assertEquals(GEOCLIENT_ADDRESSES, count(answers, Route.GEOCLIENT_ADDRESS));
    assertEquals(CENSUS_ADDRESSES, count(answers, Route.CENSUS));
    assertEquals(GEOCLIENT_ADDRESSES + CENSUS_ADDRESSES, answers.size());
  }

  static long count(Map<String, Long> answers, Route route) {
    return answers.keySet().stream().filter(address -> address.startsWith(route + " ")).count();
  }

  Path csv(String name, List<String> rows) throws IOException {
    Path csv = dir.resolve(name + ".csv");
    Files.writeString(csv, AddressCsvGeocoderTest.HEADER + "\n" + String.join("", rows), StandardCharsets.UTF_8);
    return csv;
  }
}
