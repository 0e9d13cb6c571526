package org.ocaetl.workflows.model;

import java.time.LocalDate;
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
 * @param dataDate the newest extract date among the files promoted, or null when none was
 * @param firstCaseFailures the first {@value #CASE_FAILURES_KEPT} cases that could not be
 *     converted: case id, element and reason, never the value (the files' report.json has them all)
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
    String publishError,
    LocalDate dataDate,
    List<CaseFailure> firstCaseFailures) {

  public static final int CASE_FAILURES_KEPT = 10;

  public static final RunResult EMPTY =
      new RunResult(List.of(), List.of(), 0, 0, 0, 0, 0, 0, 0, false, null, null, List.of());

  /** Results recorded before the case failures were carried (continue-as-new input) have none. */
  public RunResult {
    firstCaseFailures = firstCaseFailures == null ? List.of() : List.copyOf(firstCaseFailures);
  }
}
