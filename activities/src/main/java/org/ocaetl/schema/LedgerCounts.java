package org.ocaetl.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the promotion did with one file, as stored in {@code oca_promoted_files.counts} (jsonb).
 * All figures are affected-row counts of the promotion's own statements (no table scans).
 *
 * @param casesApplied case versions that replaced the case's rows
 * @param casesSkippedOlder versions older than the case's updatedate (docs/processing-rules.md#rule-5)
 * @param casesTombstoned versions of deleted ids (docs/processing-rules.md#rule-6)
 * @param casesDeleted delete records
 * @param metadataRowsChanged oca_metadata rows inserted or changed
 * @param rowsInserted rows inserted (oca_index: upserted) per data table
 * @param rowsDeleted rows deleted per data table
 */
public record LedgerCounts(
    long casesApplied,
    long casesSkippedOlder,
    long casesTombstoned,
    long casesDeleted,
    long metadataRowsChanged,
    Map<String, Long> rowsInserted,
    Map<String, Long> rowsDeleted) {

  public LedgerCounts {
    // Copies that keep the table order (OcaTable order) for readable results and logs.
    rowsInserted = Collections.unmodifiableMap(new LinkedHashMap<>(rowsInserted));
    rowsDeleted = Collections.unmodifiableMap(new LinkedHashMap<>(rowsDeleted));
  }
}
