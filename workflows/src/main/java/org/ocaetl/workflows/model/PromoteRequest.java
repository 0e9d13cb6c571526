package org.ocaetl.workflows.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Staged files to apply in one transaction.
 *
 * @param files in rule-1 order
 */
public record PromoteRequest(List<StagedRef> files) {

  /**
   * A staged file as the promotion needs it.
   *
   * @param fileName base name of the raw zip
   * @param extractDate its extract date
   * @param sha256 hex SHA-256 of the raw zip (checked against the ledger)
   * @param replay apply it even if the ledger says it was promoted (an operator's replay)
   */
  public record StagedRef(String fileName, LocalDate extractDate, String sha256, boolean replay) {
    public static StagedRef of(FileResult staged, boolean replay) {
      return new StagedRef(staged.fileName(), staged.extractDate(), staged.sha256(), replay);
    }
  }
}
