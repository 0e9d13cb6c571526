package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.discover.Sha256;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractDate;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.model.HostStep;

/** The pipeline metrics as the real staging activities record them (real DuckDB and store). */
class ActivityMetricsTest {
  static final String FILE = "LandlordTenant.Incr.2024-03-08.zip";

  @TempDir Path root;
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  @AfterEach
  void tearDown() {
    env.close();
  }

  FileActivities activities(LocalObjectStore store) {
    env.registerActivitiesImplementations(
        new FileActivitiesImpl(store, root.resolve("work"), "oca-etl/host/metrics", Duration.ofSeconds(30),
            StagingLimits.defaults(root.resolve("tmp")), Geocoding.none(), new PipelineMetrics(registry),
            ExtractDate.PROCESSING_CLOCK));
    return env.newActivityStub(FileActivities.class);
  }

  @Test
  void stagingAFileCountsCasesRowsBytesAndStageDurations() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    String xml =
        TestExtracts.extract(
            "2024-03-07",
            TestExtracts.index("A", "<Court>Bronx Housing Court</Court><FiledDate>2024-01-05</FiledDate>"),
            TestExtracts.index("B", "<Court>Bronx Housing Court</Court><FiledDate>2024-02-30</FiledDate>"),
            TestExtracts.index("C", "<Court>Kings Housing Court</Court><FiledDate>2024-01-06</FiledDate>"));
    Path zip = TestExtracts.zip(Files.createDirectories(root.resolve("in")), FILE, xml);
    store.put(StoreKeys.raw(FILE), zip, "application/zip");
    String sha256;
    try (InputStream in = Files.newInputStream(zip)) {
      sha256 = Sha256.of(in);
    }
    FileActivities files = activities(store);
    HostStep step = new HostStep(FILE, sha256);

    files.fetch(step);
    files.parse(step);
    files.export(step);
    files.geocode(step);
    long uploaded = files.upload(step).bytes();

    assertEquals(1, count("oca.files.parsed"));
    assertEquals(3, count("oca.cases.parsed"));
    assertEquals(1, count("oca.cases.failed"));
    assertEquals(2, count("oca.cases.staged"));
    assertEquals(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, count("oca.xml.read"));
    assertEquals(Files.size(zip), count("oca.fetch"));
    assertEquals(uploaded, count("oca.upload"));
    assertEquals(2, registry.get("oca.rows.exported").tag("table", OcaTable.OCA_INDEX.tableName()).counter().count());
    assertEquals(0, registry.get("oca.geocode.addresses").tag("geocoder", "none").counter().count());
    for (String stage : new String[] {"fetch", "parse", "export", "geocode", "upload"}) {
      assertEquals(1, registry.get("oca.stage.duration").tag("stage", stage).timer().count(), stage);
    }
  }

  @Test
  void aBadExtractIsCountedByStageAndType() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    Path zip = Files.writeString(Files.createDirectories(root.resolve("in")).resolve(FILE), "not a zip");
    store.put(StoreKeys.raw(FILE), zip, "application/zip");
    String sha256;
    try (InputStream in = Files.newInputStream(zip)) {
      sha256 = Sha256.of(in);
    }
    FileActivities files = activities(store);
    HostStep step = new HostStep(FILE, sha256);
    files.fetch(step);
    assertThrows(ActivityFailure.class, () -> files.parse(step));
    assertEquals(
        1, registry.get("oca.files.failed").tag("stage", "parse").tag("type", "BadExtractFile").counter().count());
    assertTrue(registry.find("oca.files.parsed").counters().isEmpty());
  }

  private double count(String counter) {
    return registry.get(counter).counter().count();
  }
}
