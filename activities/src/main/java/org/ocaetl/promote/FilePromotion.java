package org.ocaetl.promote;

import java.time.LocalDate;
import java.util.Map;

/**
 * What promotion did with one file.
 *
 * @param fileName base name of the raw zip
 * @param extractDate its extract date
 * @param alreadyPromoted true when the ledger already held this file and checksum (nothing done)
 * @param casesApplied case versions that replaced the case's rows
 * @param casesSkippedOlder versions not applied because the case has newer data (docs/processing-rules.md#rule-5)
 * @param casesTombstoned versions not applied because the case is deleted (docs/processing-rules.md#rule-6)
 * @param casesDeleted delete records applied
 * @param rowsInserted rows inserted per table name
 */
public record FilePromotion(
    String fileName,
    LocalDate extractDate,
    boolean alreadyPromoted,
    long casesApplied,
    long casesSkippedOlder,
    long casesTombstoned,
    long casesDeleted,
    Map<String, Long> rowsInserted) {}
