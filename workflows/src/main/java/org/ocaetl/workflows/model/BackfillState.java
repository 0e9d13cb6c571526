package org.ocaetl.workflows.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Input of the backfill workflow, and what it carries over a continue-as-new.
 *
 * @param queue requests received and not handled yet, oldest first
 * @param recent outcomes of the last handled requests, oldest first (at most {@link #RECENT})
 * @param handled requests handled since the workflow id was first started (numbers child ids)
 * @param requestsPerRun requests handled before the workflow continues as new
 */
public record BackfillState(List<BackfillRequest> queue, List<BackfillOutcome> recent, long handled, int requestsPerRun) {
  public static final int RECENT = 20;
  public static final int DEFAULT_REQUESTS_PER_RUN = 25;

  public BackfillState {
    queue = queue == null ? List.of() : List.copyOf(queue);
    recent = recent == null ? List.of() : List.copyOf(recent);
    if (requestsPerRun < 1) {
      throw new IllegalArgumentException("requestsPerRun must be at least 1: " + requestsPerRun);
    }
  }

  /** A fresh backfill workflow with nothing queued. */
  public static BackfillState fresh() {
    return new BackfillState(List.of(), List.of(), 0, DEFAULT_REQUESTS_PER_RUN);
  }

  /** The state to continue as new with. */
  public BackfillState carry(List<BackfillRequest> queued, List<BackfillOutcome> outcomes, long handledSoFar) {
    List<BackfillOutcome> last = new ArrayList<>(outcomes);
    if (last.size() > RECENT) {
      last = last.subList(last.size() - RECENT, last.size());
    }
    return new BackfillState(queued, last, handledSoFar, requestsPerRun);
  }
}
