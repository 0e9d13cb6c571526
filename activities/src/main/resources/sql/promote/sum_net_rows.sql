-- Rows per child table in the net change set (from net_row_counts), to compare with the rows the
-- loader reported loading.
SELECT table_name, sum(row_count)
FROM net_row_counts
WHERE table_name <> 'oca_index'
GROUP BY table_name
