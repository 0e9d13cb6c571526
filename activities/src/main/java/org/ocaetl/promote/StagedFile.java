package org.ocaetl.promote;

import java.time.LocalDate;

/**
 * A raw file whose staged CSVs are in the object store under {@code StoreKeys.staging(fileName)}.
 *
 * @param fileName base name of the raw zip
 * @param extractDate the file's extract date (rule 1)
 * @param sha256 hex SHA-256 of the raw zip; the ledger refuses the same name with another checksum
 */
public record StagedFile(String fileName, LocalDate extractDate, String sha256) {}
