package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.discover.Sha256;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractDate;
import org.ocaetl.stage.ExtractParser;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.model.HostStep;

/**
 * Disk full in DuckDB's temp directory (docs/reliability.md). A real full filesystem needs a mount (root) in
 * CI, so DuckDB's own bound on the temp directory stands in for it: a small memory_limit forces the
 * parse to spill, and a max_temp_directory_size far below what they spill makes DuckDB
 * raise its real out-of-temp-space error (the same error it raises when the limit is its default,
 * the free space of the disk). The step must fail retryably, say which file and which folder,
 * leave nothing in the store, and stage the same CSVs as a fault-free run once there is room.
 */
class StagingDiskFullTest {
  static final String FILE = "LandlordTenant.Incr.2025-07-06.zip";
  /** Enough realistic cases that staging them spills past {@link #MEMORY}. */
  static final int CASES = 20_000;
  static final String MEMORY = "32MB";
  static final String FULL = "1MB";

  @TempDir static Path shared;
  static Path zip;
  static HostStep step;
  static Map<String, byte[]> faultFree;

  @TempDir Path root;

  @BeforeAll
  static void manyCasesStagedWithoutAFault() throws Exception {
    String example = TestExtracts.resource(ExtractParser.class, "example-5.1-index.xml");
    zip = TestExtracts.zipStreaming(Files.createDirectories(shared.resolve("in")), FILE, out -> {
      out.write(TestExtracts.extract("2025-07-06").replace("</LandlordTenantExtract>\n", ""));
      for (int i = 0; i < CASES; i++) {
        out.write(example.replaceFirst("<IndexNumberId>[^<]*<", "<IndexNumberId>case-" + i + "<"));
      }
      out.write("</LandlordTenantExtract>");
    });
    try (InputStream in = Files.newInputStream(zip)) {
      step = new HostStep(FILE, Sha256.of(in));
    }
    LocalObjectStore store = archived(shared.resolve("store"));
    try (Worker worker = new Worker(store, shared.resolve("work"), StagingLimits.defaults(shared.resolve("tmp")))) {
      worker.activities.fetch(step);
      stage(worker.activities);
    }
    faultFree = csvs(store);
  }

  /** Parse, export, geocode and upload, as the file workflow runs them after fetch. */
  static void stage(FileActivities activities) {
    activities.parse(step);
    activities.export(step);
    activities.geocode(step);
    activities.upload(step);
  }

  /**
   * The parse spills: the file is staged in one transaction, and DuckDB keeps what a transaction
   * appends in memory, in the temp directory past memory_limit. (The export of these cases does
   * not spill: at this memory it fits; far below it, DuckDB fails with a plain out-of-memory error.)
   */
  @Test
  void aFullTempDirectoryFailsTheParseRetryablyAndItsRetryWithRoomStagesTheSameCsvs() throws Exception {
    LocalObjectStore store = archived(root.resolve("store"));
    Path work = root.resolve("work");
    Path tmp = root.resolve("duckdb-tmp");
    try (Worker full = new Worker(store, work, new StagingLimits(MEMORY, 1, tmp, FULL))) {
      full.activities.fetch(step);
      ActivityFailure e = assertThrows(ActivityFailure.class, () -> full.activities.parse(step));
      ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, e.getCause());
      String message = cause.getOriginalMessage();
      assertEquals(FailureTypes.STAGING_DISK_FULL, cause.getType(), message);
      assertFalse(cause.isNonRetryable(), "room may come back: the step is retried");
      assertTrue(message.startsWith(FILE + ": "), message);
      assertTrue(message.contains("temp directory " + tmp.toAbsolutePath() + " is full"), message);
      assertTrue(message.contains("max_temp_directory_size " + FULL), message);
      assertTrue(message.contains("OCA_DUCKDB_MAX_TEMP_SIZE"), message);
    }
    assertEquals(List.of(), store.list("private/staging/"), "nothing of the file is staged");

    // Temporal's retry of the parse, once the worker has room (DuckDB's default bound, the free
    // disk; same memory_limit, so it spills too), then the later steps.
    try (Worker room = new Worker(store, work, new StagingLimits(MEMORY, 1, tmp))) {
      stage(room.activities);
    }
    Map<String, byte[]> retried = csvs(store);
    assertEquals(faultFree.keySet(), retried.keySet());
    for (String csv : faultFree.keySet()) {
      assertArrayEquals(faultFree.get(csv), retried.get(csv), csv);
    }
  }

  /** A worker's file activities in a Temporal test environment (one workflow id: one work folder). */
  static final class Worker implements AutoCloseable {
    final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    final FileActivities activities;

    Worker(LocalObjectStore store, Path work, StagingLimits limits) {
      env.registerActivitiesImplementations(
          new FileActivitiesImpl(store, work, "oca-etl/host/test-1", Duration.ofMinutes(1), limits, Geocoding.none(),
              PipelineMetrics.noop(), ExtractDate.PROCESSING_CLOCK));
      activities = env.newActivityStub(FileActivities.class);
    }

    @Override
    public void close() {
      env.close();
    }
  }

  static LocalObjectStore archived(Path dir) throws Exception {
    LocalObjectStore store = new LocalObjectStore(dir);
    store.put(StoreKeys.raw(FILE), zip, "application/zip");
    return store;
  }

  static Map<String, byte[]> csvs(LocalObjectStore store) throws Exception {
    Map<String, byte[]> csvs = new LinkedHashMap<>();
    for (OcaTable table : OcaTable.values()) {
      try (InputStream in = store.get(StoreKeys.stagedCsv(FILE, table))) {
        csvs.put(table.csvName(), in.readAllBytes());
      }
    }
    return csvs;
  }
}
