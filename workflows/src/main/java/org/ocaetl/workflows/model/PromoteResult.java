package org.ocaetl.workflows.model;

import java.util.List;
import java.util.Map;

/**
 * What the promotion transaction did.
 *
 * @param files one entry per requested file, in order
 * @param elapsedMillis wall time including the wait for the lock
 */
public record PromoteResult(List<Promoted> files, long elapsedMillis) {

  /**
   * One file's promotion.
   *
   * @param fileName base name of the raw zip
   * @param alreadyPromoted true when the ledger already held this file and checksum
   * @param casesApplied case versions that replaced the case's rows
   * @param casesSkippedOlder versions not applied because the case has newer data (docs/processing-rules.md#rule-5)
   * @param casesTombstoned versions not applied because the case is deleted (docs/processing-rules.md#rule-6)
   * @param casesDeleted delete records applied
   * @param rowsInserted rows inserted per table name
   */
  public record Promoted(
      String fileName,
      boolean alreadyPromoted,
      long casesApplied,
      long casesSkippedOlder,
      long casesTombstoned,
      long casesDeleted,
      Map<String, Long> rowsInserted) {}
}
