package org.ocaetl.workflows.model;

import java.time.LocalDate;

/**
 * A raw file that is archived and waits to be staged and promoted.
 *
 * @param fileName base name of the raw zip (its key is {@code StoreKeys.raw(fileName)})
 * @param sha256 hex SHA-256 of the archived zip
 * @param nameDate the run date in the file name (the extract date until parsing reads RunDate)
 * @param replay true when selected by the reprocess glob although it may have been promoted
 */
public record DiscoveredFile(String fileName, String sha256, LocalDate nameDate, boolean replay) {}
