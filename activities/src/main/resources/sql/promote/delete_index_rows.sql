-- docs/processing-rules.md#rule-6: ids the net change set tombstones lose their oca_index row (counted per id like
-- delete_case_rows.sql). Their child rows are already gone, so the cascade finds nothing to do.
-- Index-driven like delete_case_rows.sql (primary key). Bind: 'oca_index'.
WITH removed AS (
    DELETE FROM oca_index t
    WHERE t.indexnumberid = ANY (ARRAY(SELECT d.indexnumberid
                                       FROM net_decision d
                                       WHERE d.winner_pos IS NULL AND d.db_known))
    RETURNING t.indexnumberid
)
INSERT INTO net_row_counts (table_name, indexnumberid, file_pos, row_count)
SELECT CAST(? AS text), indexnumberid, 0, count(*)
FROM removed
GROUP BY indexnumberid
