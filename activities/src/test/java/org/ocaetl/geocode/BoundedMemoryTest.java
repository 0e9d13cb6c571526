package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.model.OcaTable;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * The geocode step streams: a JVM with a 48 MiB heap geocodes a staged file of 200,000 address
 * rows (50,000 distinct addresses, the Census stub answering at once, the cache in PostgreSQL).
 * Holding the rows, the addresses or their results would need several times that heap.
 */
@Tag("slow")
class BoundedMemoryTest {
  private static final String HEAP = "-Xmx48m";
  private static final int ROWS = 200_000;
  private static final int ADDRESSES = 50_000;
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension().withSchema("bounded");

  @TempDir Path dir;

  /** Run in the child JVM: {@code <csv> <jdbc url>}; prints the report. */
  public static void main(String[] args) throws Exception {
    try (GeocodingStub stub = GeocodingStub.start()) {
      GeocodingSettings settings = GeocodingSettings.fromEnvironment(Map.of("OCA_CENSUS_URL", stub.censusUrl().toString()))
          .withLimits(limits -> GeocodeTesting.LIMITS.withTimeout(java.time.Duration.ofSeconds(30)));
      try (Geocoding geocoding = Geocoding.create(settings, "census", DatabaseUrl.parse(args[1]), "bounded")) {
        AddressCsvGeocoder.Report report = geocoding.geocodeCsv(Path.of(args[0]), GeocodeTesting.run(5), r -> { });
        System.out.println(report.rows() + " " + report.rowsGeocoded() + " " + report.cacheHits());
      }
    }
  }

  @Test
  void geocodesAFileManyTimesLargerThanTheHeap() throws Exception {
    Path csv = dir.resolve("oca_addresses.csv");
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write(OcaTable.OCA_ADDRESSES.columnList());
      out.write('\n');
      for (int i = 0; i < ROWS; i++) {
        int address = i % ADDRESSES;
        out.write("LT-" + i + "," + (address + 1) + " Broadway,\"Apt " + (i % 7) + ", rear entrance, ring twice\",New York,NY,10006"
            + ",".repeat(20));
        out.write('\n');
      }
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"), BoundedMemoryTest.class.getName(),
                csv.toString(), db.jdbcUrl())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "child finished");
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), String.join("\n", output));
    String[] counts = output.getLast().split(" ");
    assertEquals(Integer.toString(ROWS), counts[0], "rows");
    assertEquals(Integer.toString(ROWS), counts[1], "rows geocoded");
    assertEquals(Integer.toString(ROWS / 2000 * 2000 - ADDRESSES), counts[2], "every address after its first batch is a cache hit");
    // As Java objects (5.2 million strings) the rows would take several times the heap.
    assertTrue(Files.size(csv) > 48L * 1024 * 1024 / 2, "the geocoded file (" + Files.size(csv) + " bytes) is large");
  }
}
