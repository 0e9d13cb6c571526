-- Generated benchmark rows: two oca_appearances rows per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       n::bigint * 10 + k AS appearanceid,
       timestamp '2023-03-01 09:30' + k * interval '1 day' AS appearancedatetime,
       'Purpose ' || v AS appearancepurpose,
       NULL AS appearancereason,
       'Part A' AS appearancepart,
       k AS motionsequence
FROM ids, generate_series(1, 2) k
WHERE kind = 'version'
