package org.ocaetl.activities;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.util.List;
import org.ocaetl.parse.RejectedCase;
import org.ocaetl.promote.PromotionLockTimeoutException;
import org.ocaetl.stage.StagingSpaceException;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.model.CaseFailure;

/** How activity outcomes enter workflow history: capped failure samples and typed failures. */
final class Failures {
  /** Longest text of a failure field in history (values are already redacted for addresses). */
  static final int MAX_TEXT = 500;

  /** PostgreSQL statement_timeout. */
  private static final String STATEMENT_TIMEOUT_STATE = "57014";

  private Failures() {}

  /** A failure as the workflow API carries it, each text capped at {@link #MAX_TEXT}. */
  static CaseFailure capped(String caseId, String element, String value, String reason) {
    return new CaseFailure(cap(caseId), cap(element), cap(value), cap(reason));
  }

  /** The parser's rejected cases, mapped to the workflow API at this boundary. */
  static List<CaseFailure> capped(List<RejectedCase> rejected) {
    return rejected.stream().map(r -> capped(r.caseId(), r.element(), r.value(), r.reason())).toList();
  }

  /** Bad input: retrying cannot help. The message must not carry case content. */
  static ApplicationFailure nonRetryable(String type, String message, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause);
  }

  /**
   * A failed transaction on the main tables: a lock timeout is retried (the lock holder finishes);
   * a statement timeout is a sizing problem and is not; anything else is retried.
   */
  static RuntimeException database(SQLException e) {
    if (PromotionLockTimeoutException.SQL_STATE.equals(e.getSQLState())) {
      return ApplicationFailure.newFailureWithCause(e.getMessage(), FailureTypes.LOCK_TIMEOUT, e);
    }
    if (STATEMENT_TIMEOUT_STATE.equals(e.getSQLState())) {
      return nonRetryable(FailureTypes.STATEMENT_TIMEOUT, e.getMessage(), e);
    }
    return Activity.wrap(e);
  }

  /**
   * No room for DuckDB on this worker: retryable, since other files' work folders are deleted as
   * they finish and an operator may free space or raise the limit. Names the file and the folder.
   */
  static ApplicationFailure stagingDiskFull(String fileName, StagingSpaceException e) {
    return ApplicationFailure.newFailureWithCause(fileName + ": " + e.getMessage(), FailureTypes.STAGING_DISK_FULL, e);
  }

  private static String cap(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
