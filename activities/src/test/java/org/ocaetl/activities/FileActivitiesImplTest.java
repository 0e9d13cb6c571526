package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.HostAssignment;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.ParseSummary;
import org.ocaetl.workflows.model.StagedLookup;

/** The staging steps on real DuckDB and a real local store, driven as Temporal activities. */
class FileActivitiesImplTest {
  static final String FILE = "LandlordTenant.Incr.2024-03-08.zip";
  static final String CASE =
      TestExtracts.index("A", "<Court>Bronx Housing Court</Court><FiledDate>2024-01-05</FiledDate>"
          + "<Status>Active</Status><FirstPaper>Petition</FirstPaper>");
  static final String BAD_CASE =
      TestExtracts.index("B", "<Court>Bronx Housing Court</Court><FiledDate>2024-02-30</FiledDate>");

  @TempDir Path root;
  LocalObjectStore store;
  TestActivityEnvironment env;
  FileActivities activities;
  List<Object> heartbeats = new ArrayList<>();
  String sha256;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root.resolve("store"));
    Path zip = TestExtracts.zip(Files.createDirectories(root.resolve("in")), FILE,
        TestExtracts.extract("2024-03-07", CASE, BAD_CASE));
    store.put(StoreKeys.raw(FILE), zip, "application/zip");
    try (InputStream in = Files.newInputStream(zip)) {
      sha256 = Sha256.of(in);
    }
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new FileActivitiesImpl(store, root.resolve("work"), "oca-etl/host/test-1", Duration.ofSeconds(42),
            StagingLimits.defaults(root.resolve("tmp")), Geocoding.none(), PipelineMetrics.noop(),
            ExtractDate.PROCESSING_CLOCK));
    env.setActivityHeartbeatListener(Object.class, heartbeats::add);
    activities = env.newActivityStub(FileActivities.class);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void stagesAFileAndALaterLookupReusesIt() throws Exception {
    HostStep step = new HostStep(FILE, sha256);
    HostAssignment host = activities.fetch(step);
    assertEquals(new HostAssignment("oca-etl/host/test-1", Files.size(root.resolve("in").resolve(FILE)), Duration.ofSeconds(42)), host);

    ParseSummary parsed = activities.parse(step);
    assertEquals(LocalDate.parse("2024-03-07"), parsed.extractDate(), "RunDate wins over the name's date");
    assertEquals(1, parsed.casesFailed());
    assertEquals("B", parsed.failures().get(0).caseId());
    assertEquals(ReportJson.PARSER_VERSION, parsed.parserVersion());
    assertFalse(heartbeats.isEmpty(), "parse heartbeats its progress");

    heartbeats.clear();
    assertEquals(1L, activities.export(step).rowsPerTable().get("oca_index"));
    assertEquals(List.of("exporting"), heartbeats, "export heartbeats while DuckDB writes");
    heartbeats.clear();
    assertEquals(0, activities.geocode(step).addressesGeocoded());
    assertEquals(List.of("geocoding"), heartbeats, "geocode heartbeats (its position once a batch is done)");
    heartbeats.clear();
    assertEquals(OcaTable.values().length + 1, activities.upload(step).objects());
    assertEquals(0, heartbeats.get(0), "upload heartbeats the objects in the store");
    assertTrue(store.size(StoreKeys.stagedCsv(FILE, OcaTable.OCA_METADATA)).isPresent());
    try (var work = Files.list(root.resolve("work"))) {
      assertEquals(0, work.count(), "upload cleans the work folder");
    }

    StagedLookup lookup = activities.findStaged(step);
    assertNull(lookup.mismatch());
    FileResult staged = lookup.staged();
    assertEquals(FILE, staged.fileName());
    assertEquals(sha256, staged.sha256());
    assertEquals(LocalDate.parse("2024-03-07"), staged.extractDate());
    assertEquals(1, staged.casesStaged());
    assertEquals(1, staged.casesFailed());
    assertEquals("B", staged.failures().get(0).caseId());
    assertEquals(1L, staged.rowsPerTable().get("oca_index"));
    assertTrue(staged.stageMillis().containsKey("geocode"));

    StagedLookup otherBytes = activities.findStaged(new HostStep(FILE, "0".repeat(64)));
    assertNull(otherBytes.staged());
    assertTrue(otherBytes.mismatch().startsWith("staged from sha256 "), otherBytes.mismatch());
  }

  /** A retry on the same worker (its work folder intact) skips the objects its last heartbeat counted. */
  @Test
  void aRetriedUploadResumesAfterTheObjectsItsHeartbeatCounted() throws Exception {
    HostStep step = new HostStep(FILE, sha256);
    activities.fetch(step);
    activities.parse(step);
    activities.export(step);
    activities.geocode(step);
    OcaTable[] tables = OcaTable.values();
    for (int i = 0; i < 5; i++) {
      store.put(StoreKeys.stagedCsv(FILE, tables[i]), new java.io.ByteArrayInputStream(new byte[] {'u'}), "text/csv");
    }
    env.setHeartbeatDetails(5);

    assertEquals(tables.length + 1, activities.upload(step).objects());

    for (int i = 0; i < tables.length; i++) {
      long size = store.size(StoreKeys.stagedCsv(FILE, tables[i])).orElseThrow();
      assertEquals(i < 5, size == 1, tables[i] + (i < 5 ? " was uploaded by the earlier attempt" : " is uploaded now"));
    }
  }

  @Test
  void extractDriftCrossesTheActivityAndIsReadBackFromTheStagedReport() throws Exception {
    String drifted = "LandlordTenant.Incr.2024-03-15.zip";
    Path zip = TestExtracts.zip(root.resolve("in"), drifted, TestExtracts.extract("2024-03-15",
        TestExtracts.index("D", "<Court>Bronx Housing Court</Court><RentalAssistance><Amount>5</Amount></RentalAssistance>")));
    store.put(StoreKeys.raw(drifted), zip, "application/zip");
    String driftedSha;
    try (InputStream in = Files.newInputStream(zip)) {
      driftedSha = Sha256.of(in);
    }
    HostStep step = new HostStep(drifted, driftedSha);
    activities.fetch(step);
    ExtractDrift expected = new ExtractDrift(
        List.of(new ExtractDrift.PathCount("Index/RentalAssistance", 1), new ExtractDrift.PathCount("Index/RentalAssistance/Amount", 1)),
        0, List.of());

    assertEquals(expected, activities.parse(step).drift());
    activities.export(step);
    activities.geocode(step);
    activities.upload(step);

    assertEquals(expected, activities.findStaged(step).staged().drift());
    assertTrue(activities.findStaged(new HostStep(FILE, sha256)).staged() == null
        || activities.findStaged(new HostStep(FILE, sha256)).staged().drift().none());
  }

  @Test
  void aReportFromAnotherParserVersionIsNotReused() throws Exception {
    stagesAFileAndALaterLookupReusesIt();
    String report;
    try (InputStream in = store.get(StoreKeys.report(FILE))) {
      report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String older = report.replaceFirst("\"parserVersion\" : \\d+", "\"parserVersion\" : 0");
    assertFalse(older.equals(report));
    store.put(StoreKeys.report(FILE), new java.io.ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8)), "application/json");

    StagedLookup lookup = activities.findStaged(new HostStep(FILE, sha256));

    assertNull(lookup.staged());
    assertEquals("staged by parser version 0", lookup.mismatch());
    assertEquals(ReportJson.PARSER_VERSION, lookup.currentParserVersion());
  }

  @Test
  void outputStagedBeforeRunDatesWereCheckedIsStagedAgain() throws Exception {
    // Version 1 staged files whatever their RunDate (docs/processing-rules.md#rule-1): its output may carry a date that
    // would now refuse the file, so a replay must parse the raw file again, not reuse it.
    stagesAFileAndALaterLookupReusesIt();
    String report;
    try (InputStream in = store.get(StoreKeys.report(FILE))) {
      report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String unchecked = report.replaceFirst("\"parserVersion\" : \\d+", "\"parserVersion\" : 1");
    store.put(StoreKeys.report(FILE), new java.io.ByteArrayInputStream(unchecked.getBytes(StandardCharsets.UTF_8)), "application/json");

    StagedLookup lookup = activities.findStaged(new HostStep(FILE, sha256));

    assertNull(lookup.staged());
    assertEquals("staged by parser version 1", lookup.mismatch());
  }

  @Test
  void nothingStagedYetIsAMismatch() {
    StagedLookup lookup = activities.findStaged(new HostStep(FILE, sha256));
    assertNull(lookup.staged());
    assertEquals("no staged report.json", lookup.mismatch());
  }

  @Test
  void fetchRefusesArchivedBytesWithAnotherChecksum() {
    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activities.fetch(new HostStep(FILE, "f".repeat(64))));
    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertEquals(FailureTypes.CHECKSUM_CONFLICT, cause.getType());
    assertTrue(cause.isNonRetryable());
  }

  @Test
  void aRunDateLaterThanTheDayAfterTheActivitysProcessingDayIsABadExtractFile() {
    // The file's RunDate is 2024-03-07; on 2024-03-05 (New York) that is two days ahead.
    Clock processing = Clock.fixed(Instant.parse("2024-03-05T16:00:00Z"), ZoneId.of("America/New_York"));
    env.close();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new FileActivitiesImpl(store, root.resolve("work"), "oca-etl/host/test-1", Duration.ofSeconds(42),
            StagingLimits.defaults(root.resolve("tmp")), Geocoding.none(), PipelineMetrics.noop(), processing));
    activities = env.newActivityStub(FileActivities.class);
    HostStep step = new HostStep(FILE, sha256);
    activities.fetch(step);

    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activities.parse(step));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertEquals(FailureTypes.BAD_EXTRACT_FILE, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertEquals(
        FILE + ": line 3, column 3: RunDate 2024-03-07 is implausible: later than the day after the"
            + " processing day 2024-03-05 (rule 1)",
        cause.getOriginalMessage());
  }

  @Test
  void aFileThatIsNotAZipIsABadExtractFile() throws Exception {
    ApplicationFailure cause = parseFails(new java.io.ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)));
    assertEquals(FailureTypes.BAD_EXTRACT_FILE, cause.getType());
    assertTrue(cause.getOriginalMessage().startsWith(FILE), cause.getOriginalMessage());
    assertTrue(cause.isNonRetryable());
  }

  @Test
  void bytesThatAreNotUtf8AreABadExtractFileAndLeaveNoWorkFilesBehind() throws Exception {
    byte[] xml = TestExtracts.extract("2024-03-07", CASE, TestExtracts.index("C", "<Court>\u0000</Court>"))
        .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < xml.length; i++) {
      if (xml[i] == 0) {
        xml[i] = (byte) 0xFF; // never valid in UTF-8
      }
    }
    Path zip = TestExtracts.zip(root.resolve("in"), "bad.zip", java.util.Map.of(TestExtracts.MEMBER, xml));
    ApplicationFailure cause = parseFails(Files.newInputStream(zip));
    assertEquals(FailureTypes.BAD_EXTRACT_FILE, cause.getType());
    assertTrue(cause.isNonRetryable(), "the same bytes fail the same way on every attempt");
    assertEquals(
        FILE + ": line 5, column 47: bytes that are not valid UTF-8 (the file's encoding): 0xFF",
        cause.getOriginalMessage());
    try (var work = Files.list(root.resolve("work"))) {
      assertEquals(0, work.count(), "neither the fetched zip nor a partial staging file is left");
    }
  }

  /** Archives {@code raw} as the file, fetches it and returns why its parse failed. */
  private ApplicationFailure parseFails(InputStream raw) throws Exception {
    try (raw) {
      store.put(StoreKeys.raw(FILE), raw, "application/zip");
    }
    String sha;
    try (InputStream in = store.get(StoreKeys.raw(FILE))) {
      sha = Sha256.of(in);
    }
    HostStep step = new HostStep(FILE, sha);
    activities.fetch(step);
    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activities.parse(step));
    return (ApplicationFailure) failure.getCause();
  }
}
