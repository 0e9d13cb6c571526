package org.ocaetl.publish;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one snapshot wrote.
 *
 * @param rowsPerObject object key → data rows written (CSV rows without header; 1 for the date file,
 *     0 for the badge), in write order
 * @param dataDate the published data date (latest promoted extract date); null when nothing was
 *     promoted yet, in which case no date file or badge was written
 * @param elapsedMillis wall time
 */
public record SnapshotResult(Map<String, Long> rowsPerObject, LocalDate dataDate, long elapsedMillis) {}
