package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.workflows.FakeStaging.file;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.testing.Await;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.FileProgress;
import org.ocaetl.workflows.model.FileRequest;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.OcaStatus;
import org.ocaetl.workflows.model.RunProgress;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * Control flow of the run and file workflows on the time-skipping in-process server, including how
 * the file workflow handles a failed host step ({@link WorkflowChanges#HOST_LOST_ON_TIMEOUT}): a
 * timed-out step means the host is lost and the file starts over on another host; other failures
 * are retried on the same host, or fail the file at once when they are not retryable.
 */
class OcaRunWorkflowTest {
  static final String INCR_0308 = "LandlordTenant.Incr.2024-03-08.zip";
  static final String INCR_0315 = "LandlordTenant.Incr.2024-03-15.zip";
  static final String BAD_0310 = "LandlordTenant.Incr.2024-03-10.bad.zip";
  static final String INITIAL_2016 = "LandlordTenant.Initial.FiledIn2016.2024-03-01.zip";
  /** Queries are answered in real time, not skipped: polled with a real-time timeout. */
  static final Duration QUERIES_TIMEOUT = Duration.ofSeconds(20);
  /** A host whose export stops heartbeating (the process frozen, dead or cut off from Temporal). */
  static final String FROZEN = "oca-host/frozen";

  @RegisterExtension final TestServerExtension temporal = new TestServerExtension("oca-host/test-1", FROZEN);
  final FakeStaging fake = temporal.fake;

  @AfterEach
  void releaseHungSteps() {
    fake.unhang();
  }

  @Test
  void stagesEachFileInItsOwnChildAndPromotesTheStagedOnesInOrder() {
    fake.inbox =
        List.of(file(INITIAL_2016, "2024-03-01"), file(INCR_0308, "2024-03-08"), file(BAD_0310, "2024-03-10"),
            file("LandlordTenant.Incr.2024-03-15.failedcase.zip", "2024-03-15"));
    fake.settled = List.of(FileOutcome.skipped("LandlordTenant.Incr.2024-02-01.zip", "already promoted"));
    fake.ignored = List.of("notes.txt");

    RunResult result = temporal.runWorkflow("oca-run/order").run(RunRequest.of(null, 2));

    assertEquals(
        List.of(List.of(INITIAL_2016, INCR_0308, "LandlordTenant.Incr.2024-03-15.failedcase.zip")),
        fake.promotions, "one transaction, rule-1 order, the bad file left out");
    assertEquals(3, result.filesPromoted());
    assertEquals(1, result.filesFailed());
    assertEquals(1, result.filesSkipped());
    assertEquals(List.of("notes.txt"), result.ignored());
    assertEquals(1, result.casesFailed());
    assertEquals(8, result.casesStaged());
    assertTrue(result.published());
    assertEquals(1, fake.publishes.get());
    FileOutcome bad = outcome(result, BAD_0310);
    assertEquals(Outcome.FAILED, bad.outcome());
    assertTrue(bad.reason().startsWith("BadExtractFile: " + BAD_0310 + ": line 3, column 9"), bad.reason());
    FileOutcome withFailedCase = outcome(result, "LandlordTenant.Incr.2024-03-15.failedcase.zip");
    assertEquals(Outcome.PROMOTED, withFailedCase.outcome());
    assertEquals(1, withFailedCase.casesFailed());

    assertEquals("PARTIAL", temporal.status("oca-run/order"));
    assertEquals(1L, temporal.searchAttributes("oca-run/order").get(OcaSearchAttributes.CASES_FAILED));
    SearchAttributes staged = temporal.searchAttributes(WorkflowIds.file(INCR_0308));
    assertEquals("STAGED", staged.get(OcaSearchAttributes.STATUS));
    assertEquals(INCR_0308, staged.get(OcaSearchAttributes.FILE_NAME));
    assertEquals("2024-03-08", staged.get(OcaSearchAttributes.EXTRACT_DATE));
    assertEquals(0L, staged.get(OcaSearchAttributes.CASES_FAILED));
    assertEquals("FAILED", temporal.status(WorkflowIds.file(BAD_0310)));
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
        temporal.client().newUntypedWorkflowStub(WorkflowIds.file(BAD_0310)).describe().getStatus());
  }

  @Test
  void aCleanRunEndsPromoted() {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"));
    RunResult result = temporal.runWorkflow("oca-run/clean").run(RunRequest.of(null, 2));
    assertEquals(1, result.filesPromoted());
    assertNull(outcome(result, INCR_0308).reason());
    assertEquals("PROMOTED", temporal.status("oca-run/clean"));
  }

  @Test
  void nothingToDoPromotesAndPublishesNothing() {
    RunResult result = temporal.runWorkflow("oca-run/empty").run(RunRequest.of(null, 2));
    assertEquals(List.of(), result.files());
    assertTrue(fake.promotions.isEmpty());
    assertEquals(0, fake.publishes.get());
    assertFalse(result.published());
    assertEquals("PROMOTED", temporal.status("oca-run/empty"));
  }

  @Test
  void stagesAtMostParallelismFilesAtOnce() {
    fake.inbox =
        List.of(file("LandlordTenant.Incr.2024-01-01.zip", "2024-01-01"), file("LandlordTenant.Incr.2024-01-08.zip", "2024-01-08"),
            file("LandlordTenant.Incr.2024-01-15.zip", "2024-01-15"), file("LandlordTenant.Incr.2024-01-22.zip", "2024-01-22"));
    temporal.runWorkflow("oca-run/serial").run(RunRequest.of(null, 1));
    assertEquals(1, fake.maxParsing.get());
    assertEquals(4, fake.parsed.size());
  }

  @Test
  void reusesTheOutputOfAFileWorkflowThatCompletedBefore() {
    FileResult first = temporal.fileWorkflow(INCR_0308).stage(new FileRequest(INCR_0308, FakeStaging.sha(INCR_0308)));
    String firstRun = temporal.runId(WorkflowIds.file(INCR_0308));
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"));

    RunResult result = temporal.runWorkflow("oca-run/reuse").run(RunRequest.of(null, 2));

    assertEquals(Outcome.PROMOTED, outcome(result, INCR_0308).outcome());
    assertEquals(List.of(INCR_0308), fake.parsed, "parsed once, by the first file workflow");
    assertEquals(firstRun, temporal.runId(WorkflowIds.file(INCR_0308)));
    assertEquals(first.sha256(), FakeStaging.sha(INCR_0308));
  }

  @Test
  void stagesAgainUnderADerivedIdWhenTheParserChanged() {
    temporal.fileWorkflow(INCR_0308).stage(new FileRequest(INCR_0308, FakeStaging.sha(INCR_0308)));
    fake.parserVersion = 2;
    fake.inbox = List.of(FakeStaging.replayed(INCR_0308, "2024-03-08"));

    RunResult result = temporal.runWorkflow("oca-run/replay").run(RunRequest.of("*2024-03-08*", 2));

    assertEquals(Outcome.PROMOTED, outcome(result, INCR_0308).outcome());
    assertEquals(List.of(INCR_0308, INCR_0308), fake.parsed);
    String restageId = WorkflowIds.restage(INCR_0308, FakeStaging.sha(INCR_0308), 2);
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
        temporal.client().newUntypedWorkflowStub(restageId).describe().getStatus());

    // A second replay with the same parser reuses the restaged output: no third parse.
    temporal.runWorkflow("oca-run/replay-again").run(RunRequest.of("*2024-03-08*", 2));
    assertEquals(2, fake.parsed.size());
  }

  /**
   * A manual start beside the scheduled run: the second run finds each file's workflow running
   * (the first run's claim), waits for it and reuses what it staged. Each file is parsed once and
   * promoted once; the later promotion finds it in the ledger.
   */
  @Test
  void twoRacingRunsStageEachFileOnceAndPromoteItOnce() {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"), file(INCR_0315, "2024-03-15"));
    fake.parseGate = new CountDownLatch(1);
    OcaRunWorkflow scheduled = temporal.runWorkflow("oca-run/scheduled");
    WorkflowClient.start(scheduled::run, RunRequest.of(null, 2));
    Await.until(QUERIES_TIMEOUT, "both files parsing", () -> fake.parsing.get() == 2);
    OcaRunWorkflow manual = temporal.runWorkflow("oca-run/manual");
    WorkflowClient.start(manual::run, RunRequest.of(null, 2));
    Await.until(QUERIES_TIMEOUT, "the second run waiting on both claims", () -> fake.awaits.size() == 2);

    fake.parseGate.countDown();
    RunResult first = temporal.client().newUntypedWorkflowStub("oca-run/scheduled").getResult(RunResult.class);
    RunResult second = temporal.client().newUntypedWorkflowStub("oca-run/manual").getResult(RunResult.class);

    assertEquals(List.of(INCR_0308, INCR_0315), fake.parsed.stream().sorted().toList(), "each file parsed once");
    assertEquals(List.of(WorkflowIds.file(INCR_0308), WorkflowIds.file(INCR_0315)), fake.awaits.stream().sorted().toList());
    for (String fileName : List.of(INCR_0308, INCR_0315)) {
      assertEquals(
          List.of(Outcome.PROMOTED, Outcome.ALREADY_PROMOTED),
          List.of(outcome(first, fileName).outcome(), outcome(second, fileName).outcome()).stream().sorted().toList(),
          fileName + " promoted by one run only");
    }
    assertEquals(2, fake.ledger.size());
  }

  @Test
  void aFailedFileIsStagedAgainByTheNextRunAndOnlyIt() {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"), file(BAD_0310, "2024-03-10"));
    temporal.runWorkflow("oca-run/first").run(RunRequest.of(null, 2));
    String goodRun = temporal.runId(WorkflowIds.file(INCR_0308));
    String badRun = temporal.runId(WorkflowIds.file(BAD_0310));

    RunResult second = temporal.runWorkflow("oca-run/second").run(RunRequest.of(null, 2));

    assertEquals(goodRun, temporal.runId(WorkflowIds.file(INCR_0308)), "completed child not rerun");
    assertNotEquals(badRun, temporal.runId(WorkflowIds.file(BAD_0310)), "failed child started again");
    assertEquals(Outcome.ALREADY_PROMOTED, outcome(second, INCR_0308).outcome());
    assertEquals(Outcome.FAILED, outcome(second, BAD_0310).outcome());
  }

  @Test
  void startsOverOnAnotherWorkerWhenTheHostIsLost() {
    fake.lostHosts.add("oca-host/vanished");
    FileWorkflow workflow = temporal.fileWorkflow(INCR_0308);

    FileResult staged = workflow.stage(new FileRequest(INCR_0308, FakeStaging.sha(INCR_0308)));

    assertEquals(INCR_0308, staged.fileName());
    FileProgress progress = workflow.progress();
    assertEquals(2, progress.hostAttempt());
    assertEquals(fake.hostQueue, progress.hostTaskQueue());
    assertEquals(OcaStatus.STAGED, progress.status());
  }

  /**
   * A real heartbeat timeout, in real time (about two minutes): the test server does not skip time
   * while an activity runs, and refuses an activity failure that is not an application failure.
   */
  @Tag("slow")
  @Test
  void aStepThatMissesItsHeartbeatStartsTheFileOverOnAnotherHost() {
    fake.lostHosts.add(FROZEN);
    fake.failHostStep(FileActivities.EXPORT, FakeStaging.HANG);
    FileWorkflow workflow = temporal.fileWorkflow(INCR_0308);

    workflow.stage(new FileRequest(INCR_0308, FakeStaging.sha(INCR_0308)));

    FileProgress progress = workflow.progress();
    assertEquals(2, progress.hostAttempt());
    assertEquals(fake.hostQueue, progress.hostTaskQueue());
    assertEquals(OcaStatus.STAGED, progress.status());
    assertEquals(
        List.of("Parse@" + FROZEN, "Export@" + FROZEN,
            "Parse@" + fake.hostQueue, "Export@" + fake.hostQueue, "Geocode@" + fake.hostQueue, "Upload@" + fake.hostQueue),
        fake.hostStepCalls, "the export is not retried on the frozen host");
  }

  @Test
  void aRetryableFailureIsRetriedOnTheSameHost() {
    fake.failHostStep(FileActivities.GEOCODE,
        ApplicationFailure.newFailure("geocoder hiccup", "IOException"),
        ApplicationFailure.newFailure("geocoder hiccup", "IOException"));
    FileWorkflow workflow = temporal.fileWorkflow(INCR_0308);

    workflow.stage(new FileRequest(INCR_0308, FakeStaging.sha(INCR_0308)));

    assertEquals(1, workflow.progress().hostAttempt());
    assertEquals(3, fake.hostStepCalls.stream().filter(("Geocode@" + fake.hostQueue)::equals).count(), fake.hostStepCalls.toString());
    assertEquals(OcaStatus.STAGED, workflow.progress().status());
  }

  @Test
  void aNonRetryableFailureFailsTheFileAtOnce() {
    // Typed as one of the non-retryable types, not marked non-retryable: the type list decides.
    fake.failHostStep(FileActivities.UPLOAD, ApplicationFailure.newFailure("store refused", FailureTypes.CHECKSUM_CONFLICT));
    FileWorkflow workflow = temporal.fileWorkflow(INCR_0308);

    WorkflowFailedException failed =
        assertThrows(WorkflowFailedException.class, () -> workflow.stage(new FileRequest(INCR_0308, FakeStaging.sha(INCR_0308))));

    assertTrue(FailureTypes.reason(failed.getCause()).contains(FailureTypes.CHECKSUM_CONFLICT), FailureTypes.reason(failed.getCause()));
    assertEquals(1, fake.hostStepCalls.stream().filter(c -> c.startsWith("Upload@")).count(), fake.hostStepCalls.toString());
    assertEquals(1, workflow.progress().hostAttempt());
    assertEquals(OcaStatus.FAILED, workflow.progress().status());
  }

  @Test
  void failsTheFileAfterLosingEveryHost() {
    for (int i = 0; i < OcaActivityOptions.HOST_ATTEMPTS; i++) {
      fake.lostHosts.add("oca-host/vanished-" + i);
    }
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"));
    RunResult result = temporal.runWorkflow("oca-run/hostless").run(RunRequest.of(null, 2));
    FileOutcome failed = outcome(result, INCR_0308);
    assertEquals(Outcome.FAILED, failed.outcome());
    assertTrue(failed.reason().contains("SCHEDULE_TO_START"), failed.reason());
  }

  @Test
  void continuesAsNewAfterMaxFilesAndCarriesTheOutcomes() {
    fake.inbox =
        List.of(file("LandlordTenant.Incr.2024-01-01.zip", "2024-01-01"), file("LandlordTenant.Incr.2024-01-08.zip", "2024-01-08"),
            file("LandlordTenant.Incr.2024-01-15.bad.zip", "2024-01-15"), file("LandlordTenant.Incr.2024-01-22.zip", "2024-01-22"),
            file("LandlordTenant.Incr.2024-01-29.zip", "2024-01-29"));

    RunResult result =
        temporal.runWorkflow("oca-run/segments").run(new RunRequest(null, 2, 2, null, null));

    assertEquals(
        List.of(
            List.of("LandlordTenant.Incr.2024-01-01.zip", "LandlordTenant.Incr.2024-01-08.zip"),
            List.of("LandlordTenant.Incr.2024-01-22.zip"),
            List.of("LandlordTenant.Incr.2024-01-29.zip")),
        fake.promotions);
    assertEquals(4, result.filesPromoted());
    assertEquals(1, result.filesFailed());
    assertEquals(5, result.files().size());
    assertEquals(1, fake.publishes.get(), "published once, at the end");
  }

  @Test
  void warningsOfAStagedFileReachTheFileResultAndTheRunResult() {
    String warned = "LandlordTenant.Incr.2024-01-08.warned.zip";
    List<String> warning = List.of("RunDate element missing or empty; using the file name's date 2024-01-08");
    fake.inbox =
        List.of(file("LandlordTenant.Incr.2024-01-01.zip", "2024-01-01"), file(warned, "2024-01-08"),
            file("LandlordTenant.Incr.2024-01-15.zip", "2024-01-15"));

    // Two files per segment: the warned file's outcome is carried over the continue-as-new.
    RunResult result = temporal.runWorkflow("oca-run/warned").run(new RunRequest(null, 2, 2, null, null));

    assertEquals(warning, temporal.client().newUntypedWorkflowStub(WorkflowIds.file(warned)).getResult(FileResult.class).warnings());
    assertEquals(warning, outcome(result, warned).warnings());
    assertEquals(List.of(), outcome(result, "LandlordTenant.Incr.2024-01-15.zip").warnings());
    assertEquals(List.of(), outcome(result, "LandlordTenant.Incr.2024-01-01.zip").warnings());

    // A later run that reuses the staged output reports the warning too.
    fake.inbox = List.of(file(warned, "2024-01-08"));
    RunResult again = temporal.runWorkflow("oca-run/warned-again").run(RunRequest.of(null, 2));
    assertEquals(Outcome.ALREADY_PROMOTED, outcome(again, warned).outcome());
    assertEquals(warning, outcome(again, warned).warnings());
  }

  @Test
  void aFailedPromotionFailsTheRun() {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"));
    fake.promoteFailure = "ledger holds " + INCR_0308 + " with another checksum";
    WorkflowFailedException failure =
        assertThrows(WorkflowFailedException.class, () -> temporal.runWorkflow("oca-run/conflict").run(RunRequest.of(null, 2)));
    assertEquals("LedgerConflict: ledger holds " + INCR_0308 + " with another checksum", FailureTypes.reason(failure.getCause()));
    assertEquals("FAILED", temporal.status("oca-run/conflict"));
  }

  @Test
  void aFailedPublishLeavesThePromotionAndReportsIt() {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"));
    fake.publishFailure = "store unavailable";
    RunResult result = temporal.runWorkflow("oca-run/publish").run(RunRequest.of(null, 2));
    assertEquals(1, result.filesPromoted());
    assertFalse(result.published());
    assertEquals("PublishFailed: store unavailable", result.publishError());
    assertEquals("PARTIAL", temporal.status("oca-run/publish"));
  }

  @Test
  void progressQueriesAnswerWhileFilesAreStaging() throws Exception {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"), file(INCR_0315, "2024-03-15"), file("LandlordTenant.Incr.2024-03-22.zip", "2024-03-22"));
    fake.parseGate = new CountDownLatch(1);
    OcaRunWorkflow workflow = temporal.runWorkflow("oca-run/progress");
    WorkflowClient.start(workflow::run, RunRequest.of(null, 2));

    // Waits on the parses, not on a query: a query answers from the worker's copy of the workflow,
    // which runs ahead of the server while a workflow task completes (the run counts a child as
    // staging before the server has started it; a child says PARSING before its upsert is
    // recorded). A parse running means every command before it is recorded, and the gate holds it.
    Await.until(QUERIES_TIMEOUT, "both files parsing", () -> fake.parsing.get() == 2);
    RunProgress progress = workflow.progress();
    assertEquals(OcaStatus.STAGING, progress.status());
    assertEquals(2, progress.filesStaging());
    assertEquals(3, progress.filesInSegment());
    FileWorkflow child = temporal.client().newWorkflowStub(FileWorkflow.class, WorkflowIds.file(INCR_0308));
    assertEquals(OcaStatus.PARSING, child.progress().status());
    assertEquals("PARSING", temporal.status(WorkflowIds.file(INCR_0308)));
    assertEquals(fake.hostQueue, child.progress().hostTaskQueue());

    fake.parseGate.countDown();
    RunResult result = temporal.client().newUntypedWorkflowStub("oca-run/progress").getResult(RunResult.class);
    assertEquals(3, result.filesPromoted());
    assertEquals(new RunProgress(OcaStatus.PROMOTED, 3, 0, 0, 3, 0, 3), workflow.progress());
  }

  static FileOutcome outcome(RunResult result, String fileName) {
    return result.files().stream()
        .filter(f -> f.fileName().equals(fileName))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no outcome for " + fileName + " in " + result.files()));
  }
}
