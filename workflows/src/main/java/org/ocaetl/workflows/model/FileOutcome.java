package org.ocaetl.workflows.model;

import java.util.List;

/**
 * What a run did with one file.
 *
 * @param fileName base name of the raw zip
 * @param outcome the verdict
 * @param reason why it failed or was skipped; null when promoted
 * @param casesFailed cases of the file that could not be converted (their old rows stay)
 * @param warnings what staging noticed without refusing the file, e.g. RunDate missing or
 *     disagreeing with the name (docs/processing-rules.md#rule-1); empty when none
 * @param drift element paths of the file the parser does not map; NONE when none or not staged
 */
public record FileOutcome(
    String fileName, Outcome outcome, String reason, long casesFailed, List<String> warnings, ExtractDrift drift) {

  /** Outcomes recorded before warnings were carried (continue-as-new input) have none. */
  public FileOutcome {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    drift = drift == null ? ExtractDrift.NONE : drift;
  }

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
    return new FileOutcome(fileName, Outcome.FAILED, reason, 0, List.of(), ExtractDrift.NONE);
  }

  public static FileOutcome skipped(String fileName, String reason) {
    return new FileOutcome(fileName, Outcome.SKIPPED, reason, 0, List.of(), ExtractDrift.NONE);
  }
}
