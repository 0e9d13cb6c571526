-- Generated benchmark rows: one oca_motions row per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       1 AS sequence,
       'Motion ' || v AS motiontype,
       NULL AS primaryrelief,
       date '2023-04-01' AS fileddate,
       NULL::text[] AS filingpartiesroles,
       NULL AS motiondecision,
       NULL::date AS motiondecisiondate
FROM ids
WHERE kind = 'version'
