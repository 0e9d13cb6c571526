-- Generated benchmark rows: four oca_events rows per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       'Event ' || k || v AS eventname,
       date '2023-02-01' + k AS fileddate,
       NULL AS feetype,
       ARRAY['Petitioner'] AS filingpartiesroles,
       NULL AS answertype
FROM ids, generate_series(1, 4) k
WHERE kind = 'version'
