package org.ocaetl.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.ocaetl.workflows.model.GeocodeBackfillCounts;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.GeocodeBackfillResult;
import org.ocaetl.workflows.model.GeocodeBackfillSlice;
import org.ocaetl.workflows.model.GeocodeBackfillSliceResult;
import org.slf4j.Logger;

/**
 * Slices of pages over {@code oca_addresses} in indexnumberid order until no case without
 * coordinates is left. After {@code slicesPerRun} slices (or when the server suggests it) the
 * workflow continues as new with the cursor and the counts, so its history stays small however
 * large the table. When the activity's retries are spent (a service stayed down), the backfill
 * ends with {@code stoppedBy} set instead of failing: the cursor says where the next one starts.
 *
 * <p>Determinism: workflow code only. Versioning convention as in {@link OcaRunWorkflowImpl}.
 */
public final class GeocodeBackfillWorkflowImpl implements GeocodeBackfillWorkflow {
  private static final Logger log = Workflow.getLogger(GeocodeBackfillWorkflowImpl.class);

  private final GeocodeBackfillActivities activities =
      Workflow.newActivityStub(GeocodeBackfillActivities.class, OcaActivityOptions.geocodeBackfill());

  private String cursor = "";
  private GeocodeBackfillCounts counts = GeocodeBackfillCounts.ZERO;
  private int runs;

  @Override
  public GeocodeBackfillResult backfill(GeocodeBackfillRequest request) {
    cursor = request.afterIndexNumberId();
    counts = request.carried();
    runs = request.runs();
    for (int slice = 0; ; slice++) {
      if (slice >= request.slicesPerRun() || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(request.continueFrom(cursor, counts));
      }
      GeocodeBackfillSliceResult done;
      try {
        done = activities.geocodeSlice(
            new GeocodeBackfillSlice(cursor, request.casesPerPage(), request.pagesPerSlice()));
      } catch (ActivityFailure e) {
        String reason = FailureTypes.reason(e);
        log.warn("Geocode backfill stopped after case {}: {}", cursor, reason);
        return new GeocodeBackfillResult(cursor, false, reason, counts, runs);
      }
      counts = counts.plus(done.counts());
      if (done.lastIndexNumberId() != null) {
        cursor = done.lastIndexNumberId();
      }
      if (done.finished()) {
        return new GeocodeBackfillResult(cursor, true, null, counts, runs);
      }
    }
  }

  @Override
  public GeocodeBackfillResult progress() {
    return new GeocodeBackfillResult(cursor, false, null, counts, runs);
  }
}
