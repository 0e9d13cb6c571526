-- Counts one child table's net rows per id and file (net_row_counts, for the per-file ledger counts
-- and the orphan check), once for the whole set after every file is copied in. NULL ids form a group
-- of their own, which the orphan check reports.
-- Bind: the table name.
INSERT INTO net_row_counts (table_name, indexnumberid, file_pos, row_count)
SELECT CAST(? AS text), indexnumberid, file_pos, count(*)
FROM {{net_table}}
GROUP BY indexnumberid, file_pos
