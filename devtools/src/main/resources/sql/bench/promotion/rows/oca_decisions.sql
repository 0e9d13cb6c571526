-- Generated benchmark rows: one oca_decisions row per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       1 AS sequence,
       'Motion' AS resultof,
       '.....Key: ' || v AS highlight
FROM ids
WHERE kind = 'version'
