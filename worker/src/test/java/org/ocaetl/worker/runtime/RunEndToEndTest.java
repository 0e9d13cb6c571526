package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.worker.cli.RunResultOutput;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.worker.testing.OcaTables;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.OcaSearchAttributes;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.OcaStatus;
import org.ocaetl.workflows.model.RunProgress;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * Whole runs over real components: the production workflows and activities on the in-process
 * Temporal server, real DuckDB staging, a real PostgreSQL schema, a local object store.
 */
class RunEndToEndTest {
  static final String INITIAL = "LandlordTenant.Initial.FiledIn2024.2024-03-01.zip";
  static final String INCR_1 = "LandlordTenant.Incr.2024-03-08.zip";
  static final String INCR_2 = "LandlordTenant.Incr.2024-03-15.zip";
  static final String INCR_3 = "LandlordTenant.Incr.2024-03-22.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;
  EndToEnd e2e;

  @BeforeEach
  void start() throws Exception {
    e2e = new EndToEnd(postgres.database(), root);
  }

  @AfterEach
  void stop() {
    e2e.close();
  }

  /** Initial with A, B, C; Incr 1 updates A and deletes B; Incr 2 re-sends B (tombstoned) and adds D. */
  void writeHistory() throws Exception {
    Extracts.write(e2e.inbox, INITIAL, "2024-03-01",
        Extracts.live("A", "Bronx Housing Court"), Extracts.live("B", "Kings Housing Court"), Extracts.live("C", "Queens Housing Court"));
    Extracts.write(e2e.inbox, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court Part 2"), Extracts.deleted("B"));
    Extracts.write(e2e.inbox, INCR_2, "2024-03-15", Extracts.live("B", "Kings Housing Court"), Extracts.live("D", "Richmond Housing Court"));
  }

  @Test
  void promotesUpdatesAndDeletesInRuleOneOrder() throws Exception {
    writeHistory();
    Files.writeString(e2e.inbox.resolve("README.txt"), "not an extract");

    RunResult result = e2e.run("oca-run/history");

    assertEquals(List.of(INITIAL, INCR_1, INCR_2), result.files().stream().map(FileOutcome::fileName).toList());
    assertTrue(result.files().stream().allMatch(f -> f.outcome() == Outcome.PROMOTED), result.toString());
    assertEquals(List.of("README.txt"), result.ignored());
    assertEquals(0, RunResultOutput.exitCode(result));
    assertTrue(result.published());
    assertEquals("Bronx Housing Court Part 2", e2e.tables.court("A"));
    assertEquals(0, e2e.tables.rows(OcaTable.OCA_INDEX, "B"), "tombstones are permanent (rule 6)");
    assertEquals(0, e2e.tables.rows(OcaTable.OCA_ADDRESSES, "B"));
    // updatedate counts every non-delete version seen, tombstoned ones included, so that it does
    // not depend on file order (merge_metadata.sql).
    assertEquals(new OcaTables.Metadata(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-15"), LocalDate.parse("2024-03-08")),
        e2e.tables.metadata("B"));
    assertEquals("Queens Housing Court", e2e.tables.court("C"));
    assertEquals("Richmond Housing Court", e2e.tables.court("D"));
    assertEquals(3, e2e.tables.ledger().size());
    assertTrue(e2e.store.size(StoreKeys.published(OcaTable.OCA_INDEX.csvName())).isPresent(), "public snapshot written");

    SearchAttributes child = describe(WorkflowIds.file(INCR_1));
    assertEquals("STAGED", child.get(OcaSearchAttributes.STATUS));
    assertEquals(INCR_1, child.get(OcaSearchAttributes.FILE_NAME));
    assertEquals("2024-03-08", child.get(OcaSearchAttributes.EXTRACT_DATE));
    assertEquals(0L, child.get(OcaSearchAttributes.CASES_FAILED));
    assertEquals("PROMOTED", describe("oca-run/history").get(OcaSearchAttributes.STATUS));
    RunProgress progress = e2e.client.newWorkflowStub(OcaRunWorkflow.class, "oca-run/history").progress();
    assertEquals(new RunProgress(OcaStatus.PROMOTED, 3, 0, 0, 3, 0, 3), progress);
  }

  @Test
  void aFailedCaseIsReportedAndTheOtherCasesArePromoted() throws Exception {
    Extracts.write(e2e.inbox, INCR_1, "2024-03-08", Extracts.live("E", "Bronx Housing Court"), Extracts.unconvertible("F"));

    RunResult result = e2e.run("oca-run/failed-case");

    FileOutcome outcome = result.files().get(0);
    assertEquals(Outcome.PROMOTED, outcome.outcome());
    assertEquals(1, outcome.casesFailed());
    assertEquals(1, result.casesFailed());
    assertEquals(3, RunResultOutput.exitCode(result));
    assertEquals("Bronx Housing Court", e2e.tables.court("E"));
    assertNull(e2e.tables.metadata("F"), "a failed case changes nothing (rule 8)");
    assertEquals(1L, describe(WorkflowIds.file(INCR_1)).get(OcaSearchAttributes.CASES_FAILED));
    FileResult staged = e2e.client.newUntypedWorkflowStub(WorkflowIds.file(INCR_1)).getResult(FileResult.class);
    assertEquals("F", staged.failures().get(0).caseId());
    assertEquals("FiledDate", staged.failures().get(0).element().replaceAll(".*/", ""));
  }

  @Test
  void aTruncatedFileFailsAloneAndStaysPending() throws Exception {
    Extracts.write(e2e.inbox, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court"));
    Path whole = Extracts.write(root, INCR_2, "2024-03-15", Extracts.live("G", "Kings Housing Court"), Extracts.live("H", "Kings Housing Court"));
    TestExtracts.truncated(whole, e2e.inbox.resolve(INCR_2), 0.6);
    Extracts.write(e2e.inbox, INCR_3, "2024-03-22", Extracts.live("I", "Queens Housing Court"));

    RunResult first = e2e.run("oca-run/truncated");

    assertEquals(Outcome.PROMOTED, outcome(first, INCR_1).outcome());
    assertEquals(Outcome.PROMOTED, outcome(first, INCR_3).outcome());
    FileOutcome truncated = outcome(first, INCR_2);
    assertEquals(Outcome.FAILED, truncated.outcome());
    assertTrue(truncated.reason().startsWith("BadExtractFile: " + INCR_2), truncated.reason());
    assertEquals(3, RunResultOutput.exitCode(first));
    assertEquals("FAILED", describe(WorkflowIds.file(INCR_2)).get(OcaSearchAttributes.STATUS));
    assertNull(e2e.tables.metadata("G"));
    assertFalse(e2e.tables.ledger().containsKey(INCR_2));

    RunResult second = e2e.run("oca-run/truncated-again");
    assertEquals(List.of(Outcome.SKIPPED, Outcome.SKIPPED, Outcome.FAILED),
        List.of(outcome(second, INCR_1).outcome(), outcome(second, INCR_3).outcome(), outcome(second, INCR_2).outcome()),
        "the truncated file is still pending; the others are not touched");
  }

  @Test
  void rerunningAFailedFileStagesOnlyThatFile() throws Exception {
    writeHistory();
    e2e.files.failExportOnce = INCR_1;

    RunResult first = e2e.run("oca-run/transient");
    assertEquals(Outcome.FAILED, outcome(first, INCR_1).outcome());
    assertTrue(outcome(first, INCR_1).reason().startsWith("InjectedFault: "), outcome(first, INCR_1).reason());
    assertEquals(Outcome.PROMOTED, outcome(first, INITIAL).outcome());
    assertEquals(Outcome.PROMOTED, outcome(first, INCR_2).outcome(), "a bad file never holds back the others");
    String initialRun = e2e.runId(WorkflowIds.file(INITIAL));

    FileResult rerun = e2e.rerunFile(INCR_1);
    assertEquals(LocalDate.parse("2024-03-08"), rerun.extractDate());
    RunResult second = e2e.run("oca-run/after-rerun");

    assertEquals(Outcome.PROMOTED, outcome(second, INCR_1).outcome());
    assertEquals(Outcome.SKIPPED, outcome(second, INITIAL).outcome());
    assertEquals(2, e2e.files.parses(INCR_1), "parsed by the failed child and by the rerun, not by the second run");
    assertEquals(1, e2e.files.parses(INITIAL));
    assertEquals(initialRun, e2e.runId(WorkflowIds.file(INITIAL)));
    assertEquals("Bronx Housing Court Part 2", e2e.tables.court("A"));
    assertEquals(LocalDate.parse("2024-03-08"), e2e.tables.metadata("B").deletedate());
  }

  @Test
  void rerunningACompletedRunChangesNothing() throws Exception {
    writeHistory();
    e2e.run("oca-run/first");
    Map<String, String> before = e2e.tables.fingerprint();

    RunResult again = e2e.run("oca-run/again");

    assertTrue(again.files().stream().allMatch(f -> f.outcome() == Outcome.SKIPPED), again.toString());
    assertEquals(0, RunResultOutput.exitCode(again));
    assertFalse(again.published(), "nothing promoted, nothing to publish");
    assertEquals(before, e2e.tables.fingerprint());
    assertEquals(1, e2e.files.parses(INCR_1));
  }

  @Test
  void replaysAnOldFileSelectedByTheReprocessGlob() throws Exception {
    writeHistory();
    e2e.run("oca-run/first");
    Map<String, String> before = e2e.tables.fingerprint();

    RunResult replay = e2e.run("oca-run/replay", RunRequest.of("*.Incr.2024-03-08.zip", 2));

    assertEquals(1, replay.files().stream().filter(f -> f.fileName().equals(INCR_1)).count());
    // A replay is applied again although the ledger holds the file; docs/processing-rules.md#rule-5 keeps the newer
    // versions INCR_2 brought and the rest is re-applied unchanged, so no data changes.
    assertEquals(Outcome.PROMOTED, outcome(replay, INCR_1).outcome());
    assertEquals(Outcome.SKIPPED, outcome(replay, INCR_2).outcome());
    assertEquals(1, e2e.files.parses(INCR_1), "same checksum and parser version: the staged output is reused");
    Map<String, String> after = e2e.tables.fingerprint();
    assertTrue(after.remove("oca_promoted_files") != null && before.remove("oca_promoted_files") != null,
        "the ledger records the replay's own counts; only the data must not change");
    assertEquals(before, after);
  }

  @Test
  void twoRacingRunsEndInTheSameStateAsOne() throws Exception {
    writeHistory();
    OcaRunWorkflow a = e2e.runStub("oca-run/race-a");
    OcaRunWorkflow b = e2e.runStub("oca-run/race-b");
    WorkflowClient.start(a::run, RunRequest.of(null, 2));
    WorkflowClient.start(b::run, RunRequest.of(null, 2));
    RunResult resultA = e2e.client.newUntypedWorkflowStub("oca-run/race-a").getResult(RunResult.class);
    RunResult resultB = e2e.client.newUntypedWorkflowStub("oca-run/race-b").getResult(RunResult.class);

    for (String file : List.of(INITIAL, INCR_1, INCR_2)) {
      List<Outcome> outcomes = List.of(outcome(resultA, file).outcome(), outcome(resultB, file).outcome());
      assertEquals(1, outcomes.stream().filter(o -> o == Outcome.PROMOTED).count(), file + ": " + outcomes);
      assertEquals(1, e2e.files.parses(file), file + " staged once: the later run waits for the earlier run's file workflow");
    }
    assertEquals(e2e.faultFreeDigest(INITIAL, INCR_1, INCR_2), e2e.tables.fingerprint());
  }

  @Test
  void aWorkerLostAfterParsingRestartsCleanly() throws Exception {
    writeHistory();
    e2e.files.crashAfterParseOnce = INCR_1;

    RunResult result = e2e.run("oca-run/worker-lost");

    assertTrue(result.files().stream().allMatch(f -> f.outcome() == Outcome.PROMOTED), result.toString());
    assertEquals(2, e2e.files.parses(INCR_1), "the retry parsed again from scratch");
    assertEquals(e2e.faultFreeDigest(INITIAL, INCR_1, INCR_2), e2e.tables.fingerprint());
  }

  private SearchAttributes describe(String workflowId) {
    return e2e.client.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
  }

  static FileOutcome outcome(RunResult result, String fileName) {
    return result.files().stream()
        .filter(f -> f.fileName().equals(fileName))
        .reduce((x, y) -> y)
        .orElseThrow(() -> new AssertionError("no outcome for " + fileName + " in " + result.files()));
  }
}
