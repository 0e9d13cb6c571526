package org.ocaetl.promote;

import java.time.LocalDate;

/**
 * A raw file whose staged CSVs are in the object store under {@code StoreKeys.staging(fileName)}.
 *
 * @param fileName base name of the raw zip
 * @param extractDate the file's extract date (docs/processing-rules.md#rule-1)
 * @param sha256 hex SHA-256 of the raw zip; the ledger refuses the same name with another checksum
 * @param replay apply the file even when the ledger says it was promoted (an operator's replay,
 *     a replay is an explicit request, never skipped as already done); docs/processing-rules.md#rule-5 still keeps newer data, so a replay never moves a case backwards
 */
public record StagedFile(String fileName, LocalDate extractDate, String sha256, boolean replay) {

  /** A file promoted at most once: skipped when the ledger already holds it. */
  public StagedFile(String fileName, LocalDate extractDate, String sha256) {
    this(fileName, extractDate, sha256, false);
  }
}
