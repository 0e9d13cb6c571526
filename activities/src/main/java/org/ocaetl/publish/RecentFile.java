package org.ocaetl.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One of the last promoted files on the status page: what the promotion did (the ledger's counts)
 * and how many cases its staging rejected, with why (never a case's value: an element and a reason).
 *
 * @param failedCases cases the staging rejected, or -1 when the file's report is no longer stored
 * @param failureReasons "element: reason" and how many failures gave it, most frequent first
 */
record RecentFile(
    String fileName,
    LocalDate extractDate,
    Instant promotedAt,
    long casesApplied,
    long casesSkippedOlder,
    long casesTombstoned,
    long casesDeleted,
    long failedCases,
    Map<String, Long> failureReasons) {}
