-- Generated benchmark rows: two oca_appearance_outcomes rows per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       n::bigint * 10 + k AS appearanceid,
       'Adjourned ' || v AS appearanceoutcometype,
       NULL AS outcomebasedontype
FROM ids, generate_series(1, 2) k
WHERE kind = 'version'
