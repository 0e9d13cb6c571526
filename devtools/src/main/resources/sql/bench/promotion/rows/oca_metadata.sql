-- Generated benchmark rows: one oca_metadata row per id in the temp table ids (create_ids.sql); a
-- version sets updatedate, a delete record deletedate.
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       d AS initialdate,
       CASE WHEN kind = 'version' THEN d END AS updatedate,
       CASE WHEN kind = 'delete' THEN d END AS deletedate
FROM ids
