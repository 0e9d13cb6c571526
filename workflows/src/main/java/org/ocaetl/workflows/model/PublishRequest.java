package org.ocaetl.workflows.model;

import java.util.List;

/**
 * Refresh of the public snapshot after a promotion.
 *
 * @param promotedFiles files whose cases were just applied (for the log and result only)
 * @param fullExport every part of every file is exported again (a republish); null in histories
 *     recorded before the field existed, which means false
 */
public record PublishRequest(List<String> promotedFiles, Boolean fullExport) {

  /** A publish that exports only the parts changed since the last publish. */
  public PublishRequest(List<String> promotedFiles) {
    this(promotedFiles, false);
  }

  /** {@code oca backfill republish}: every file exported whole again. */
  public static PublishRequest republish() {
    return new PublishRequest(List.of(), true);
  }

  /** Whether every part is exported again. */
  public boolean exportsEverything() {
    return Boolean.TRUE.equals(fullExport);
  }
}
