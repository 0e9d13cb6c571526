package org.ocaetl.stage;

import java.util.Map;

/**
 * The staged CSVs written for one file.
 *
 * @param rowsPerTable data rows per table name, in {@link org.ocaetl.model.OcaTable} order
 * @param elapsedMillis wall time of the export
 */
public record ExportReport(Map<String, Long> rowsPerTable, long elapsedMillis) {}
