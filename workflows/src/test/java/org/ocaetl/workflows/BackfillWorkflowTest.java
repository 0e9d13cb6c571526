package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.workflows.FakeStaging.file;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowTargetOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.testing.Await;
import org.ocaetl.workflows.model.BackfillOutcome;
import org.ocaetl.workflows.model.BackfillProgress;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;

/** The backfill workflow on the in-process server, reached by signal-with-start like {@code oca backfill}. */
class BackfillWorkflowTest {
  static final String INCR_0308 = "LandlordTenant.Incr.2024-03-08.zip";

  @RegisterExtension final TestServerExtension temporal = new TestServerExtension("oca-host/backfill");
  final FakeStaging fake = temporal.fake;
  final FakeMaintenance maintenance = temporal.maintenance;

  WorkflowExecution send(BackfillRequest request) {
    return BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, BackfillState.fresh(), request);
  }

  @Test
  void handlesEachKindOfRequestInArrivalOrderWithTheRunsOwnChildrenAndPromotion() {
    fake.inbox = List.of(file(INCR_0308, "2024-03-08"));
    WorkflowExecution first = send(BackfillRequest.purgeTombstones());
    WorkflowExecution second = send(BackfillRequest.replay("*2024-03*", 1));
    send(BackfillRequest.republish());
    send(BackfillRequest.geocode());
    assertEquals(first.getRunId(), second.getRunId(), "signal-with-start reaches the running workflow");

    BackfillProgress done = awaitProgress(p -> finished(p, 4));

    List<BackfillOutcome> outcomes = done.recent();
    assertEquals(
        List.of(BackfillRequest.Kind.PURGE_TOMBSTONES, BackfillRequest.Kind.REPLAY, BackfillRequest.Kind.REPUBLISH,
            BackfillRequest.Kind.GEOCODE),
        outcomes.stream().map(o -> o.request().kind()).toList());
    assertTrue(outcomes.stream().allMatch(BackfillOutcome::succeeded), outcomes.toString());
    assertTrue(outcomes.get(0).summary().startsWith("deleted 3 rows of 1 tombstoned ids"), outcomes.get(0).summary());

    BackfillOutcome replay = outcomes.get(1);
    assertEquals(WorkflowIds.backfillStep(2, "REPLAY"), replay.workflowId());
    assertEquals("oca-backfill/2-replay", replay.workflowId());
    assertEquals(List.of("*2024-03*"), fake.discoveryGlobs, "the glob is the run's reprocess glob");
    assertEquals(List.of(List.of(INCR_0308)), fake.promotions, "the run's one promotion transaction");
    assertEquals("PROMOTED", temporal.status(replay.workflowId()));
    assertEquals("STAGED", temporal.status(WorkflowIds.file(INCR_0308)), "the run's own file child");
    assertTrue(replay.summary().startsWith("1 promoted, 0 already promoted, 0 failed"), replay.summary());

    assertEquals("oca-geocode-backfill", outcomes.get(3).workflowId(), "the geocode backfill's own id");
    assertEquals("geocode backfill finished: geocoded after ''", outcomes.get(3).summary());
    // purge (rows deleted) + the replayed run + republish
    assertEquals(3, fake.publishes.get());
    assertEquals(1, maintenance.purges.get());
    assertNull(done.current());
  }

  @Test
  void theHandlerOnlyQueuesWhileARequestIsWorkedOn() throws Exception {
    maintenance.purgeGate = new CountDownLatch(1);
    send(BackfillRequest.purgeTombstones());
    awaitProgress(p -> p.current() != null);
    send(BackfillRequest.republish());
    send(BackfillRequest.purgeTombstones());

    BackfillProgress busy = awaitProgress(p -> p.queued().size() == 2);
    assertEquals(BackfillRequest.Kind.PURGE_TOMBSTONES, busy.current().kind());
    assertEquals(
        List.of(BackfillRequest.Kind.REPUBLISH, BackfillRequest.Kind.PURGE_TOMBSTONES),
        busy.queued().stream().map(BackfillRequest::kind).toList());
    assertEquals(0, fake.publishes.get(), "nothing behind the purge started");

    maintenance.purgeGate.countDown();
    awaitProgress(p -> finished(p, 3));
    assertEquals(2, maintenance.purges.get());
  }

  @Test
  void aFailedRequestIsReportedAndTheNextOneRuns() {
    maintenance.purgeFailure = "relation oca_index is locked";
    send(BackfillRequest.purgeTombstones());
    send(BackfillRequest.republish());

    List<BackfillOutcome> outcomes = awaitProgress(p -> finished(p, 2)).recent();
    assertFalse(outcomes.get(0).succeeded());
    assertEquals("PurgeFailed: relation oca_index is locked", outcomes.get(0).summary());
    assertTrue(outcomes.get(1).succeeded());
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        temporal.client().newUntypedWorkflowStub(WorkflowIds.BACKFILL).describe().getStatus());
  }

  @Test
  void aPurgeThatDeletesNothingDoesNotRepublish() {
    maintenance.rowsPerTable = 0;
    send(BackfillRequest.purgeTombstones());
    BackfillOutcome outcome = awaitProgress(p -> finished(p, 1)).recent().get(0);
    assertTrue(outcome.summary().endsWith("nothing to republish"), outcome.summary());
    assertEquals(0, fake.publishes.get());
  }

  @Test
  void continuesAsNewWithTheQueueAndTheOutcomes() {
    maintenance.purgeGate = new CountDownLatch(1);
    BackfillState onePerRun = new BackfillState(List.of(), List.of(), 0, 1);
    WorkflowExecution first = BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, onePerRun, BackfillRequest.purgeTombstones());
    awaitProgress(p -> p.current() != null);
    send(BackfillRequest.republish());
    send(BackfillRequest.republish());
    awaitProgress(p -> p.queued().size() == 2);
    maintenance.purgeGate.countDown();

    BackfillProgress done = awaitProgress(p -> finished(p, 3));
    assertEquals(3, done.recent().size(), "outcomes survive continue-as-new");
    assertTrue(done.queued().isEmpty());
    String latestRun = temporal.client().newUntypedWorkflowStub(WorkflowIds.BACKFILL).describe().getExecution().getRunId();
    assertNotEquals(first.getRunId(), latestRun, "one request per run: continued as new");
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
        temporal.client().newUntypedWorkflowStub(
                WorkflowTargetOptions.newBuilder().setWorkflowId(WorkflowIds.BACKFILL).setRunId(first.getRunId()).build())
            .describe().getStatus());
    assertEquals(3, fake.publishes.get(), "after the purge, and twice on request");
  }

  private static boolean finished(BackfillProgress progress, long requests) {
    return progress.handled() == requests && progress.current() == null;
  }

  /** Polls the progress query (the workflow never completes on its own). */
  private BackfillProgress awaitProgress(Predicate<BackfillProgress> condition) {
    return Await.until(Duration.ofSeconds(30), "the backfill's progress", this::progressOrNull,
        p -> p != null && condition.test(p));
  }

  private BackfillProgress progressOrNull() {
    try {
      return BackfillClient.progress(temporal.client());
    } catch (io.temporal.client.WorkflowQueryException e) {
      return null; // the first workflow task has not run yet
    }
  }
}
