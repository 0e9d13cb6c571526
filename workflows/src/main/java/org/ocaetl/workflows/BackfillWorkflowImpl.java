package org.ocaetl.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.ocaetl.workflows.model.BackfillOutcome;
import org.ocaetl.workflows.model.BackfillProgress;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.PublishResult;
import org.ocaetl.workflows.model.PurgeResult;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;
import org.slf4j.Logger;

/**
 * Works through operator requests one at a time. The signal handler only queues; the main loop
 * takes the oldest request and does it with what a scheduled run uses:
 *
 * <ul>
 *   <li>REPLAY: an {@link OcaRunWorkflow} child with the glob as its reprocess glob, so discovery,
 *       the {@link FileWorkflow} children, the one promotion transaction and publishing are the
 *       run's own code;
 *   <li>GEOCODE: the geocode backfill, a child of type {@link WorkflowIds#GEOCODE_BACKFILL_TYPE}
 *       with its one id {@link WorkflowIds#GEOCODE_BACKFILL} (if one is running already, the
 *       request fails and says so);
 *   <li>PURGE_TOMBSTONES: {@link MaintenanceActivities#purgeTombstoned}, then publishing when rows
 *       were deleted;
 *   <li>REPUBLISH: {@link PromotionActivities#publish}.
 * </ul>
 *
 * A failed request is recorded in the outcomes and the loop goes on: one bad glob must not stop
 * the requests queued behind it. After {@link BackfillState#requestsPerRun()} requests (or when
 * the server suggests it) the workflow continues as new with the queue, once every handler has
 * finished. Children are started one at a time and complete before the next request, so a
 * continue-as-new never abandons one.
 *
 * <p>Determinism and versioning as in {@link OcaRunWorkflowImpl}; this workflow has no versioned
 * change yet.
 */
public final class BackfillWorkflowImpl implements BackfillWorkflow {
  private static final Logger log = Workflow.getLogger(BackfillWorkflowImpl.class);

  private final MaintenanceActivities maintenance =
      Workflow.newActivityStub(MaintenanceActivities.class, OcaActivityOptions.promotion());
  private final PromotionActivities publishing =
      Workflow.newActivityStub(PromotionActivities.class, OcaActivityOptions.publish());

  private final Deque<BackfillRequest> queue = new ArrayDeque<>();
  private final List<BackfillOutcome> recent = new ArrayList<>();
  private BackfillRequest current;
  private long handled;

  @Override
  public void run(BackfillState state) {
    queue.addAll(state.queue());
    recent.addAll(state.recent());
    handled = state.handled();
    for (int inThisRun = 0; ; ) {
      Workflow.await(() -> !queue.isEmpty());
      current = queue.poll();
      handled++;
      remember(handle(current, handled));
      current = null;
      if (++inThisRun >= state.requestsPerRun() || Workflow.getInfo().isContinueAsNewSuggested()) {
        // Handlers only queue, so this returns at once; it is the rule before continue-as-new.
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(state.carry(List.copyOf(queue), recent, handled));
      }
    }
  }

  @Override
  public void request(BackfillRequest request) {
    queue.add(request);
  }

  @Override
  public BackfillProgress progress() {
    return new BackfillProgress(current, List.copyOf(queue), List.copyOf(recent), handled);
  }

  private BackfillOutcome handle(BackfillRequest request, long number) {
    log.info("backfill request {}: {}", number, request.describe());
    String childId =
        switch (request.kind()) {
          case REPLAY -> WorkflowIds.backfillStep(number, request.kind().name());
          case GEOCODE -> WorkflowIds.GEOCODE_BACKFILL;
          case PURGE_TOMBSTONES, REPUBLISH -> null;
        };
    try {
      return switch (request.kind()) {
        case REPLAY -> replay(request, childId);
        case GEOCODE -> geocode(request);
        case PURGE_TOMBSTONES -> purge(request);
        case REPUBLISH -> {
          PublishResult published = publishing.publish(new PublishRequest(List.of()));
          yield new BackfillOutcome(request, null, true, "republished " + published.objects() + " objects");
        }
      };
    } catch (TemporalFailure e) {
      String reason = FailureTypes.reason(e);
      log.warn("backfill request {} ({}) failed: {}", number, request.describe(), reason);
      return new BackfillOutcome(request, childId, false, reason);
    }
  }

  private BackfillOutcome replay(BackfillRequest request, String childId) {
    OcaRunWorkflow run =
        Workflow.newChildWorkflowStub(
            OcaRunWorkflow.class, ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build());
    RunResult result = run.run(RunRequest.of(request.glob(), request.parallelism()));
    boolean clean = result.filesFailed() == 0 && result.publishError() == null;
    return new BackfillOutcome(
        request,
        childId,
        clean,
        String.format(
            "%d promoted, %d already promoted, %d failed, %d skipped; %d failed cases%s",
            result.filesPromoted(),
            result.filesAlreadyPromoted(),
            result.filesFailed(),
            result.filesSkipped(),
            result.casesFailed(),
            result.publishError() == null ? "" : "; publishing failed: " + result.publishError()));
  }

  private BackfillOutcome geocode(BackfillRequest request) {
    ChildWorkflowStub child =
        Workflow.newUntypedChildWorkflowStub(
            WorkflowIds.GEOCODE_BACKFILL_TYPE,
            ChildWorkflowOptions.newBuilder().setWorkflowId(WorkflowIds.GEOCODE_BACKFILL).build());
    // The result's shape belongs to the geocode backfill; it is reported as it comes.
    Object result = child.execute(Object.class, GeocodeBackfillRequest.everything());
    return new BackfillOutcome(request, WorkflowIds.GEOCODE_BACKFILL, true, "geocode backfill finished: " + result);
  }

  private BackfillOutcome purge(BackfillRequest request) {
    PurgeResult purged = maintenance.purgeTombstoned();
    String summary =
        "deleted " + purged.rowsDeleted() + " rows of " + purged.tombstonedIds() + " tombstoned ids "
            + purged.rowsDeletedPerTable();
    if (purged.rowsDeleted() == 0) {
      return new BackfillOutcome(request, null, true, summary + "; nothing to republish");
    }
    try {
      PublishResult published = publishing.publish(new PublishRequest(List.of()));
      return new BackfillOutcome(request, null, true, summary + "; republished " + published.objects() + " objects");
    } catch (ActivityFailure e) {
      // The purge is committed; only the public files are stale until the next publish.
      return new BackfillOutcome(request, null, false, summary + "; publishing failed: " + FailureTypes.reason(e));
    }
  }

  private void remember(BackfillOutcome outcome) {
    recent.add(outcome);
    if (recent.size() > BackfillState.RECENT) {
      recent.remove(0);
    }
  }
}
