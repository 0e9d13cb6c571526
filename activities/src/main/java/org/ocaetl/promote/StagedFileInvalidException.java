package org.ocaetl.promote;

/**
 * A file's staged CSVs break the staging contract (for example an oca_index row without a case
 * version in oca_metadata, or dates other than the file's extract date). An exporter defect:
 * retrying will not help. The message carries counts only.
 */
public final class StagedFileInvalidException extends PromotionRejectedException {
  public StagedFileInvalidException(String message) {
    super(message);
  }
}
