package org.ocaetl.workflows.model;

/**
 * How a run ended, for the run notification (the webhook URL and the decision whether to send are
 * the worker's configuration, never in history).
 *
 * @param namespace the Temporal namespace of the run
 * @param workflowId the run's workflow id (the Temporal UI finds the run by it)
 * @param runId the execution that ended (the last segment of a run that continued as new)
 * @param failure why the run failed (discovery or promotion), or null when it completed
 * @param schedulePaused whether the weekly schedule pauses because of this run: a scheduled run
 *     that failed (the schedule's pause-on-failure policy)
 * @param result the run's outcomes; for a failed run, those recorded before it failed
 */
public record RunNotice(
    String namespace, String workflowId, String runId, String failure, boolean schedulePaused, RunResult result) {

  /**
   * Nothing to report: every file promoted or skipped, no failed case, published, not failed, and
   * no file whose extract differs from what the parser maps.
   */
  public boolean clean() {
    return failure == null
        && result.filesFailed() == 0
        && result.casesFailed() == 0
        && result.publishError() == null
        && filesWithDrift() == 0;
  }

  /** Files whose cases hold paths the parser does not map, or lack columns a large file should hold. */
  public long filesWithDrift() {
    return result.files().stream().filter(f -> !f.drift().none()).count();
  }
}
