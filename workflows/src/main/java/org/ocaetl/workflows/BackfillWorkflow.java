package org.ocaetl.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.ocaetl.workflows.model.BackfillProgress;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;

/**
 * The long-lived backfill workflow (id {@link WorkflowIds#BACKFILL}): operators send it requests
 * with signal-with-start ({@code oca backfill}); it works through them one at a time, with the
 * same child workflows and promotion as a scheduled run, and continues as new now and then.
 */
@WorkflowInterface
public interface BackfillWorkflow {
  /** Signal name, for {@code temporal workflow signal --name …}. */
  String REQUEST_SIGNAL = "request";

  @WorkflowMethod(name = "OcaBackfill")
  void run(BackfillState state);

  /** Queues one request; the handler does nothing else. */
  @SignalMethod(name = REQUEST_SIGNAL)
  void request(BackfillRequest request);

  @QueryMethod(name = "progress")
  BackfillProgress progress();
}
