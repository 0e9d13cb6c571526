package org.ocaetl.workflows.model;

import java.util.List;

/**
 * Outcome of a run (over all its continue-as-new segments).
 *
 * @param files one outcome per file handled, staged files in rule-1 order
 * @param ignored inbox names that are not extract file names
 * @param filesPromoted files whose cases were applied
 * @param filesAlreadyPromoted staged files the ledger already held (nothing applied)
 * @param filesFailed files not applied; they stay pending for a rerun
 * @param filesSkipped files not staged because they were promoted before
 * @param casesStaged converted non-delete case versions over the staged files
 * @param casesDeleted delete records over the staged files
 * @param casesFailed cases that could not be converted over the staged files
 * @param published whether the public snapshot was refreshed
 * @param publishError why publishing failed, or null
 */
public record RunResult(
    List<FileOutcome> files,
    List<String> ignored,
    int filesPromoted,
    int filesAlreadyPromoted,
    int filesFailed,
    int filesSkipped,
    long casesStaged,
    long casesDeleted,
    long casesFailed,
    boolean published,
    String publishError) {

  public static final RunResult EMPTY =
      new RunResult(List.of(), List.of(), 0, 0, 0, 0, 0, 0, 0, false, null);
}
