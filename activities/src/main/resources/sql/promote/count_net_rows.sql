-- Per file of the net change set and data table, the rows that would have been inserted and deleted
-- had the files been applied one at a time (the ledger keeps that meaning, docs/processing-rules.md#rule-2):
--   inserted: the rows of the file's applied versions (oca_index: upserted);
--   deleted:  for a version that replaces the case (child tables only) or a delete record or
--             tombstoned version (every table), the rows the id had just before the file: those of
--             the version applied earlier in the set (net_case.rows_pos) or the database's
--             (rows_pos 0); none when an earlier file of the set deleted it (rows_pos NULL).
-- From net_row_counts only: the rows themselves are not read again.
SELECT file_pos, table_name, sum(inserted), sum(deleted)
FROM (
    SELECT c.file_pos, r.table_name, r.row_count AS inserted, 0 AS deleted
    FROM net_case c
    JOIN net_row_counts r ON r.indexnumberid = c.indexnumberid AND r.file_pos = c.file_pos
    WHERE c.decision = 'apply'
    UNION ALL
    SELECT c.file_pos, r.table_name, 0, r.row_count
    FROM net_case c
    JOIN net_row_counts r ON r.indexnumberid = c.indexnumberid AND r.file_pos = c.rows_pos
    WHERE c.decision IN ('delete', 'tombstoned')
       OR (c.decision = 'apply' AND r.table_name <> 'oca_index')
) counted
GROUP BY file_pos, table_name
