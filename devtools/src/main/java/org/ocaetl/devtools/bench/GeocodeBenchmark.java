package org.ocaetl.devtools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.ocaetl.geocode.AddressCsvGeocoder;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.SchemaMigrator;

/**
 * Times the geocode step (streaming rewrite of a staged oca_addresses.csv through the cache) with
 * Geoclient played by the local stub, which answers at once: the client's rate limit and the
 * cache are what is measured. Each cold run uses a fresh Geoclient release, so its cache is empty.
 */
final class GeocodeBenchmark {
  static final String SCHEMA = "oca_geocode_bench";

  private final DataSource database;
  private final PrintWriter out;

  GeocodeBenchmark(DataSource database, PrintWriter out) {
    this.database = database;
    this.out = out;
  }

  /** One measurement. */
  record GeocodeRunResult(String label, long rows, long requests, long cacheHits, double seconds) {
    double addressesPerSecond() {
      return rows / seconds;
    }
  }

  void run(Path work, int addresses, int ratePerMinute) throws IOException, InterruptedException {
    SchemaMigrator.migrate(database, SCHEMA);
    Path staged = work.resolve("oca_addresses.csv");
    writeAddresses(staged, addresses);
    String release = "bench-" + System.currentTimeMillis();
    try (GeocodingStub stub = GeocodingStub.start()) {
      report(measure("rate limit " + ratePerMinute + "/min, cold cache", stub, release, ratePerMinute, staged, work));
      report(measure("cache hits", stub, release, ratePerMinute, staged, work));
      report(measure("no rate limit, cold cache", stub, release + "-unlimited", 6_000_000, staged, work));
    }
  }

  private GeocodeRunResult measure(String label, GeocodingStub stub, String release, int rate, Path staged, Path work)
      throws IOException, InterruptedException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OCA_GEOCLIENT_URL", stub.geoclientUrl().toString());
    env.put("OCA_GEOCLIENT_KEY", GeocodingStub.KEY);
    env.put("OCA_GEOCLIENT_RELEASE", release);
    env.put("OCA_GEOCLIENT_RATE", Integer.toString(rate));
    GeocodingSettings settings = GeocodingSettings.fromEnvironment(env);
    Path csv = Files.copy(staged, work.resolve("run.csv"), StandardCopyOption.REPLACE_EXISTING);
    try (Geocoding geocoding = Geocoding.create(settings, "geoclient", database, SCHEMA)) {
      GeocodeRun run = geocoding.newRun(settings.budget());
      long start = System.nanoTime();
      AddressCsvGeocoder.Report report = geocoding.geocodeCsv(csv, run, r -> { });
      double seconds = (System.nanoTime() - start) / 1e9;
      if (report.rowsLeft() > 0) { // the stub answers everything: a row left means the client gave up
        throw new IllegalStateException(label + ": " + report.rowsLeft() + " of " + report.rows() + " rows left");
      }
      return new GeocodeRunResult(label, report.rows(), report.requests(), report.cacheHits(), seconds);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private void report(GeocodeRunResult r) {
    out.printf(Locale.ROOT, "geocode %s: %,d addresses in %.2f s, %,.0f addresses/s (%,d requests, %,d cache hits)%n",
        r.label(), r.rows(), r.seconds(), r.addressesPerSecond(), r.requests(), r.cacheHits());
    out.flush();
  }

  /** Distinct Brooklyn addresses, one per row, in the staged CSV shape (geocoder columns empty). */
  private static void writeAddresses(Path csv, int addresses) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(OcaTable.OCA_ADDRESSES.columnList());
      w.write('\n');
      for (int i = 1; i <= addresses; i++) {
        w.write("LT-" + i + "/24," + i + " Court St,Apt " + (i % 9 + 1) + ",Brooklyn,NY,11201" + ",".repeat(20) + "\n");
      }
    }
  }
}
