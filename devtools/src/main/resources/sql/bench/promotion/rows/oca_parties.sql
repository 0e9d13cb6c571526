-- Generated benchmark rows: three oca_parties rows per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       'Role ' || k || v AS role,
       'Person' AS partytype,
       'Attorney' AS representationtype,
       'false' AS undertenant
FROM ids, generate_series(1, 3) k
WHERE kind = 'version'
