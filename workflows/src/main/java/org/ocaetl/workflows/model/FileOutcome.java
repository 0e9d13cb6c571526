package org.ocaetl.workflows.model;

/**
 * What a run did with one file.
 *
 * @param fileName base name of the raw zip
 * @param outcome the verdict
 * @param reason why it failed or was skipped; null when promoted
 * @param casesFailed cases of the file that could not be converted (their old rows stay)
 */
public record FileOutcome(String fileName, Outcome outcome, String reason, long casesFailed) {

  public enum Outcome {
    /** Its cases were applied in this run. */
    PROMOTED,
    /** Staged, but the ledger already held the same file and checksum: nothing applied. */
    ALREADY_PROMOTED,
    /** Not applied; stays pending for a rerun. */
    FAILED,
    /** Not staged because the ledger already holds the same file and checksum. */
    SKIPPED
  }

  public static FileOutcome failed(String fileName, String reason) {
    return new FileOutcome(fileName, Outcome.FAILED, reason, 0);
  }

  public static FileOutcome skipped(String fileName, String reason) {
    return new FileOutcome(fileName, Outcome.SKIPPED, reason, 0);
  }
}
