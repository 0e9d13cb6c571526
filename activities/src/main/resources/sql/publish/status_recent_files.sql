-- The last promoted files for the status page, newest first (bound: how many): what the promotion
-- did with each, from the ledger's counts (LedgerCounts' field names). The files of one promotion
-- share its commit time: the newest extract first.
SELECT file_name,
       extract_date,
       promoted_at,
       (counts ->> 'casesApplied')::bigint AS cases_applied,
       (counts ->> 'casesSkippedOlder')::bigint AS cases_skipped_older,
       (counts ->> 'casesTombstoned')::bigint AS cases_tombstoned,
       (counts ->> 'casesDeleted')::bigint AS cases_deleted
FROM oca_promoted_files
ORDER BY promoted_at DESC, extract_date DESC, file_name DESC
LIMIT ?
