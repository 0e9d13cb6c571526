package org.ocaetl.workflows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ocaetl.workflows.model.CaseFailure;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.RunResult;

/** Accumulates a run's outcomes across its continue-as-new segments (workflow-side, deterministic). */
final class RunTally {
  private final List<FileOutcome> files = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();
  private long casesStaged;
  private long casesDeleted;
  private long casesFailed;
  private boolean published;
  private String publishError;
  private LocalDate dataDate;
  private final List<CaseFailure> firstCaseFailures = new ArrayList<>();

  RunTally(RunResult carried) {
    if (carried != null) {
      files.addAll(carried.files());
      ignored.addAll(carried.ignored());
      casesStaged = carried.casesStaged();
      casesDeleted = carried.casesDeleted();
      casesFailed = carried.casesFailed();
      dataDate = carried.dataDate();
      firstCaseFailures.addAll(carried.firstCaseFailures());
    }
  }

  void ignored(List<String> names) {
    ignored.addAll(names);
  }

  void add(FileOutcome outcome) {
    files.add(outcome);
  }

  /** Counts the cases of a file that was staged in this run, whatever promotion does with it. */
  void staged(FileResult staged) {
    casesStaged += staged.casesStaged();
    casesDeleted += staged.casesDeleted();
    casesFailed += staged.casesFailed();
    for (CaseFailure failure : staged.failures()) {
      if (firstCaseFailures.size() >= RunResult.CASE_FAILURES_KEPT) {
        break;
      }
      // Without the value: an address element's value is redacted, but a notification needs none.
      firstCaseFailures.add(new CaseFailure(failure.caseId(), failure.element(), null, failure.reason()));
    }
  }

  /** A file whose cases were applied: the data are now as of its extract date, if newer. */
  void promoted(LocalDate extractDate) {
    if (dataDate == null || extractDate.isAfter(dataDate)) {
      dataDate = extractDate;
    }
  }

  void published() {
    published = true;
  }

  void publishFailed(String reason) {
    publishError = reason;
  }

  int count(FileOutcome.Outcome outcome) {
    return (int) files.stream().filter(f -> f.outcome() == outcome).count();
  }

  long casesFailed() {
    return casesFailed;
  }

  /** True when every file was promoted (or skipped) with no failed case and publishing worked. */
  boolean clean() {
    return count(FileOutcome.Outcome.FAILED) == 0 && casesFailed == 0 && publishError == null;
  }

  RunResult result() {
    return new RunResult(
        List.copyOf(files),
        List.copyOf(ignored),
        count(FileOutcome.Outcome.PROMOTED),
        count(FileOutcome.Outcome.ALREADY_PROMOTED),
        count(FileOutcome.Outcome.FAILED),
        count(FileOutcome.Outcome.SKIPPED),
        casesStaged,
        casesDeleted,
        casesFailed,
        published,
        publishError,
        dataDate,
        List.copyOf(firstCaseFailures));
  }
}
