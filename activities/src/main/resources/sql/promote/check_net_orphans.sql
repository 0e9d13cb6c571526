-- Staged child rows whose case has no staged oca_index row in the same file (NULL ids included): an
-- exporter defect that would otherwise be silently ignored. Per file and child table, from
-- net_row_counts (before any delete adds the database's counts).
SELECT r.file_pos, r.table_name, sum(r.row_count)
FROM net_row_counts r
WHERE r.table_name <> 'oca_index'
  AND NOT EXISTS (SELECT 1 FROM net_oca_index i
                   WHERE i.file_pos = r.file_pos AND i.indexnumberid = r.indexnumberid)
GROUP BY r.file_pos, r.table_name
ORDER BY r.file_pos, r.table_name
