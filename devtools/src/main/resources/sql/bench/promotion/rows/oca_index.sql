-- Generated benchmark rows: one oca_index row per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       'Kings' AS court,
       date '2023-01-01' + n % 365 AS fileddate,
       'Residential' AS propertytype,
       'Non-Payment' AS classification,
       ARRAY['HP'] AS specialtydesignationtypes,
       'Active ' || v AS status,
       NULL::date AS disposeddate,
       NULL AS disposedreason,
       'Petition' AS firstpaper,
       (n % 10000) + 0.50 AS primaryclaimtotal,
       NULL::date AS dateofjurydemand
FROM ids
WHERE kind = 'version'
