package org.ocaetl.workflows.model;

import java.util.Map;

/**
 * The CSVs written in the worker's work folder.
 *
 * @param rowsPerTable data rows per table name, in table order
 * @param elapsedMillis wall time of the export
 */
public record ExportSummary(Map<String, Long> rowsPerTable, long elapsedMillis) {}
