-- Appends one file's staged rows of one data table to the net change set and counts them per id
-- (net_row_counts, for the per-file ledger counts).
-- Bind: the file's position in request order, the table name, the file's position again.
WITH appended AS (
    INSERT INTO {{net_table}} (file_pos, {{columns}})
    SELECT CAST(? AS integer), {{columns}}
    FROM {{landing_table}}
    RETURNING indexnumberid
)
INSERT INTO net_row_counts (table_name, indexnumberid, file_pos, row_count)
SELECT CAST(? AS text), indexnumberid, CAST(? AS integer), count(*)
FROM appended
GROUP BY indexnumberid
