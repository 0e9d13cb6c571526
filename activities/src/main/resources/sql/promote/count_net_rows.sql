-- Per file of the net change set, the rows one data table would have had inserted and deleted had
-- the files been applied one at a time (the ledger keeps that meaning, docs/processing-rules.md#rule-2):
--   inserted: the staged rows of the file's applied versions (oca_index: upserted);
--   deleted:  for the file's decisions that remove rows (bind: text[] of decisions), the rows the id
--             had just before the file: those of the version applied earlier in the set
--             (net_case.rows_pos), or the database's (rows_pos 0, counted by the deletes), or none.
-- Bind: the decisions that remove this table's rows, the table name (as in net_db_rows).
WITH staged AS (
    SELECT indexnumberid, file_pos, count(*) AS row_count
    FROM {{net_table}}
    GROUP BY indexnumberid, file_pos
)
SELECT c.file_pos,
       coalesce(sum(own.row_count) FILTER (WHERE c.decision = 'apply'), 0) AS inserted,
       coalesce(sum(CASE WHEN c.rows_pos = 0 THEN db.row_count ELSE earlier.row_count END)
                    FILTER (WHERE c.decision = ANY (CAST(? AS text[]))), 0) AS deleted
FROM net_case c
LEFT JOIN staged own ON own.indexnumberid = c.indexnumberid AND own.file_pos = c.file_pos
LEFT JOIN staged earlier ON earlier.indexnumberid = c.indexnumberid AND earlier.file_pos = c.rows_pos
LEFT JOIN net_db_rows db ON db.indexnumberid = c.indexnumberid AND db.table_name = CAST(? AS text)
GROUP BY c.file_pos
