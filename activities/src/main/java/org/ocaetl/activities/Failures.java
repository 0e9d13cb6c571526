package org.ocaetl.activities;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.ocaetl.workflows.model.CaseFailure;

/** How activity outcomes enter workflow history: capped failure samples and typed failures. */
final class Failures {
  /** Longest text of a failure field in history (values are already redacted for addresses). */
  static final int MAX_TEXT = 500;

  private Failures() {}

  static CaseFailure capped(CaseFailure f) {
    return new CaseFailure(cap(f.caseId()), cap(f.element()), cap(f.value()), cap(f.reason()));
  }

  static List<CaseFailure> capped(List<CaseFailure> failures) {
    return failures.stream().map(Failures::capped).toList();
  }

  /** Bad input: retrying cannot help. The message must not carry case content. */
  static ApplicationFailure nonRetryable(String type, String message, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause);
  }

  private static String cap(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
