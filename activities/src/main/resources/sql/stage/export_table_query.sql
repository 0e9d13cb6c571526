-- The rows of one data table, for the ids whose last occurrence is staged, in document order.
-- {{select_list}}: the table's OcaTable columns in order: indexnumberid from final_cases (f), the
-- staged columns from the staging table (s; arrays are stored as finished PostgreSQL literals) and
-- the columns not staged (oca_addresses' geocoder output) as typed NULLs.
-- {{table}}: a validated table name.
SELECT {{select_list}}
FROM {{table}} AS s
JOIN final_cases AS f ON s.case_seq = f.case_seq AND f.kind = 'staged'
ORDER BY s.case_seq, s.ord
