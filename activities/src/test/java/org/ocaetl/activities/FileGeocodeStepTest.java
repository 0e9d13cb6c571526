package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.discover.Sha256;
import org.ocaetl.geocode.GeocodeTesting;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractDate;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.model.GeocodeSummary;
import org.ocaetl.workflows.model.HostStep;

/** The geocode step of a file between export and upload, with the stub services and a real cache. */
class FileGeocodeStepTest {
  static final String FILE = "LandlordTenant.Incr.2024-03-08.zip";
  static final String CASE =
      TestExtracts.index("LT-1", "<Court>New York County Civil Court</Court><FiledDate>2024-01-05</FiledDate>"
          + "<Status>Active</Status><FirstPaper>Petition</FirstPaper><PropertyAddresses>"
          + "<PropertyAddress><Street1>314 West 100 Street</Street1><Street2>Apt 5</Street2><City>New York</City>"
          + "<State>NY</State><PostalCode>10025</PostalCode></PropertyAddress>"
          + "<PropertyAddress><Street1>1 Nowhere Road</Street1><City>Bronx</City>"
          + "<State>NY</State><PostalCode>10451</PostalCode></PropertyAddress>"
          + "</PropertyAddresses>");
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension().withSchema("step");
  static GeocodingStub stub;

  @TempDir Path root;
  private final TestActivityEnvironment activityEnv = TestActivityEnvironment.newInstance();

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @AfterEach
  void closeEnvironment() {
    activityEnv.close();
  }

  @Test
  void geocodesTheExportedAddressesBeforeUpload() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    HostStep step = rawFile(store, CASE);
    Map<String, String> env = new LinkedHashMap<>(stub.environment());
    env.remove("OCA_GEOSEARCH_URL");
    GeocodingSettings settings = GeocodingSettings.fromEnvironment(env).withLimits(limits -> GeocodeTesting.LIMITS);
    try (Geocoding geocoding = Geocoding.create(settings, "chain", db.dataSource(), "step",
        new GeocodeTesting.RecordingSleeper())) {
      FileActivities activities = exported(store, geocoding, PipelineMetrics.noop(), step);

      GeocodeSummary summary = activities.geocode(step);
      activities.upload(step);

      assertEquals("geoclient+census", summary.geocoder());
      assertEquals(1, summary.addressesGeocoded(), "the second address is found nowhere");
      String staged;
      try (InputStream in = store.get(StoreKeys.stagedCsv(FILE, OcaTable.OCA_ADDRESSES))) {
        staged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(staged.contains("LT-1,314 West 100 Street,Apt 5,New York,NY,10025,success,314,WEST 100 STREET,,,"
          + "WEST  100 STREET,314,MANHATTAN,40.798178,1057093,1018887502,107,187,07,00,00,,,-73.972225,10025"), staged);
      assertTrue(staged.contains("LT-1,1 Nowhere Road,,Bronx,NY,10451,error,1,NOWHERE ROAD"), staged);
      String report;
      try (InputStream in = store.get(StoreKeys.report(FILE))) {
        report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(report.contains("\"addressesMissed\" : 1"), report);
      assertTrue(report.contains("\"addressesLeft\" : 0"), report);
    }
  }

  @Test
  void aBreakerThatOpensIsRecordedWithTheTimeItsStepEnded() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    String otherCase =
        TestExtracts.index("LT-2", "<Court>Kings County Civil Court</Court><FiledDate>2024-01-06</FiledDate>"
            + "<PropertyAddresses><PropertyAddress><Street1>9 Breaker Place</Street1><City>Brooklyn</City>"
            + "<State>NY</State><PostalCode>11201</PostalCode></PropertyAddress></PropertyAddresses>");
    HostStep step = rawFile(store, otherCase);
    GeocodingSettings settings =
        GeocodingSettings.fromEnvironment(stub.environment()).withLimits(limits -> GeocodeTesting.LIMITS);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(403, null));
    stub.failAlways(Route.GEOCLIENT_SEARCH, new Fault.Status(403, null));
    long before = Instant.now().getEpochSecond();
    try (Geocoding geocoding = Geocoding.create(settings, "geoclient", db.dataSource(), "step",
        new GeocodeTesting.RecordingSleeper())) {
      FileActivities activities = exported(store, geocoding, new PipelineMetrics(registry), step);

      activities.geocode(step);

      double opened =
          registry.get("oca.geocoder.breaker.opened.timestamp").tag("geocoder", "geoclient").gauge().value();
      assertTrue(opened >= before && opened <= Instant.now().getEpochSecond(), "opened at " + opened);
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
      stub.failAlways(Route.GEOCLIENT_SEARCH, null);
    }
  }

  /** {@code index} in the raw zip {@link #FILE}, archived in {@code store} as discovery leaves it; the step naming it. */
  private HostStep rawFile(LocalObjectStore store, String index) throws IOException {
    Path zip = TestExtracts.zip(Files.createDirectories(root.resolve("in")), FILE, TestExtracts.extract("2024-03-07", index));
    store.put(StoreKeys.raw(FILE), zip, "application/zip");
    try (InputStream in = Files.newInputStream(zip)) {
      return new HostStep(FILE, Sha256.of(in));
    }
  }

  /** The file activities over {@code geocoding}, with {@code step} fetched, parsed and exported: next is geocode. */
  private FileActivities exported(LocalObjectStore store, Geocoding geocoding, PipelineMetrics metrics, HostStep step) {
    activityEnv.registerActivitiesImplementations(
        new FileActivitiesImpl(store, root.resolve("work"), "oca-etl/host/test-1", Duration.ofSeconds(42),
            StagingLimits.defaults(root.resolve("tmp")), geocoding, metrics, ExtractDate.PROCESSING_CLOCK));
    FileActivities activities = activityEnv.newActivityStub(FileActivities.class);
    activities.fetch(step);
    activities.parse(step);
    activities.export(step);
    return activities;
  }
}
