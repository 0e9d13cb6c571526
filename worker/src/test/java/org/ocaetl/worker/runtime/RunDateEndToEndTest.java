package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.RunResult;

/**
 * docs/processing-rules.md#rule-1 through whole runs: a file whose {@code RunDate} is implausible is refused as a whole
 * (docs/processing-rules.md#rule-3) and applies nothing; a plausible disagreement and a missing RunDate are applied, with
 * their warning in the file workflow's result and in the run's result. The worker processes the
 * files on {@link #PROCESSING_DAY} (its parse clock is fixed).
 */
class RunDateEndToEndTest {
  static final String INITIAL = "LandlordTenant.Initial.FiledIn2024.2024-03-01.zip";
  static final String FAR_FUTURE = "LandlordTenant.Incr.2024-03-08.zip";
  static final String DAYS_32_AWAY = "LandlordTenant.Incr.2024-03-15.zip";
  static final String DAYS_31_AWAY = "LandlordTenant.Incr.2024-03-22.zip";
  static final String NO_RUN_DATE = "LandlordTenant.Incr.2024-03-29.zip";
  static final String AFTER_PROCESSING = "LandlordTenant.Incr.2024-04-05.zip";
  static final LocalDate PROCESSING_DAY = LocalDate.of(2024, 4, 25);
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;
  EndToEnd e2e;

  @BeforeEach
  void start() throws Exception {
    Clock processing = Clock.fixed(PROCESSING_DAY.atTime(23, 30).atZone(NEW_YORK).toInstant(), NEW_YORK);
    e2e = new EndToEnd(postgres.database(), root, processing);
    Extracts.write(e2e.inbox, INITIAL, "2024-03-01", Extracts.live("A", "Bronx Housing Court"), Extracts.live("B", "Kings Housing Court"));
  }

  @AfterEach
  void stop() {
    e2e.close();
  }

  @Test
  void implausibleRunDatesRefuseTheirFilesAndApplyNothing() throws Exception {
    Extracts.write(e2e.inbox, FAR_FUTURE, "9999-12-31", Extracts.live("A", "Changed Court"), Extracts.deleted("B"));
    Extracts.write(e2e.inbox, DAYS_32_AWAY, "2024-04-16", Extracts.live("B", "Changed Court"), Extracts.live("C", "New Court"));
    // 22 days from its name, but two days after the processing day.
    Extracts.write(e2e.inbox, AFTER_PROCESSING, "2024-04-27", Extracts.live("A", "Later Court"));

    RunResult result = e2e.run("oca-run/implausible");

    assertEquals(Outcome.PROMOTED, RunEndToEndTest.outcome(result, INITIAL).outcome());
    assertRefused(result, FAR_FUTURE, "RunDate 9999-12-31", "the file name's date 2024-03-08");
    assertRefused(result, DAYS_32_AWAY, "RunDate 2024-04-16", "the file name's date 2024-03-15");
    assertRefused(result, AFTER_PROCESSING, "RunDate 2024-04-27", "the processing day 2024-04-25");
    assertEquals(List.of(INITIAL), List.copyOf(e2e.tables.ledger().keySet()));
    assertEquals(e2e.faultFreeDigest(INITIAL), e2e.tables.fingerprint());
    assertEquals("2024-03-01\n", published(StoreKeys.DATE_FILE), "the public date stays the Initial's");
  }

  @Test
  void aPlausibleDisagreementAndAMissingRunDateApplyWithWarningsInBothResults() throws Exception {
    Extracts.write(e2e.inbox, DAYS_31_AWAY, "2024-04-22", Extracts.live("C", "New Court"));
    Extracts.write(e2e.inbox, NO_RUN_DATE, null, Extracts.live("D", "New Court"));

    RunResult result = e2e.run("oca-run/warnings");

    assertApplied(result, DAYS_31_AWAY,
        "RunDate 2024-04-22 disagrees with the file name's date 2024-03-22; using RunDate");
    assertApplied(result, NO_RUN_DATE, "RunDate element missing or empty; using the file name's date 2024-03-29");
    assertEquals(List.of(), RunEndToEndTest.outcome(result, INITIAL).warnings());
    assertEquals(LocalDate.of(2024, 4, 22), e2e.tables.metadata("C").updatedate());
    assertEquals(LocalDate.of(2024, 3, 29), e2e.tables.metadata("D").updatedate());
    assertEquals("2024-04-22\n", published(StoreKeys.DATE_FILE));
  }

  private void assertApplied(RunResult result, String fileName, String warning) {
    FileOutcome outcome = RunEndToEndTest.outcome(result, fileName);
    assertEquals(Outcome.PROMOTED, outcome.outcome(), fileName);
    assertEquals(List.of(warning), outcome.warnings(), "in the run's result");
    FileResult staged = e2e.client.newUntypedWorkflowStub(WorkflowIds.file(fileName)).getResult(FileResult.class);
    assertEquals(List.of(warning), staged.warnings(), "in the file workflow's result");
  }

  private static void assertRefused(RunResult result, String fileName, String... mentions) {
    FileOutcome outcome = RunEndToEndTest.outcome(result, fileName);
    assertEquals(Outcome.FAILED, outcome.outcome(), fileName);
    assertTrue(outcome.reason().startsWith(FailureTypes.BAD_EXTRACT_FILE + ": " + fileName), outcome.reason());
    assertTrue(outcome.reason().contains("implausible"), outcome.reason());
    for (String mention : mentions) {
      assertTrue(outcome.reason().contains(mention), outcome.reason());
    }
  }

  private String published(String objectName) throws Exception {
    try (InputStream in = e2e.store.get(StoreKeys.published(objectName))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
