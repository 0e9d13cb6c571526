-- The rows of one data table, for the ids whose winning version is staged (final_cases.sql), ordered
-- by case id (a case's rows in document order). The promotion inserts them in this order, so PostgreSQL's index
-- upkeep and foreign-key probes walk each index once from left to right instead of jumping at
-- random (measured: 36 % less insert time into a 4.5M-case table, docs/benchmarks.md).
-- {{select_list}}: the table's OcaTable columns in order: indexnumberid from final_cases (f), the
-- staged columns from the staging table (s; arrays are stored as finished PostgreSQL literals) and
-- the columns not staged (oca_addresses' geocoder output) as typed NULLs.
-- {{table}}: a validated table name.
SELECT {{select_list}}
FROM {{table}} AS s
JOIN final_cases AS f ON s.case_seq = f.case_seq AND f.kind = 'staged'
ORDER BY f.indexnumberid, s.ord
