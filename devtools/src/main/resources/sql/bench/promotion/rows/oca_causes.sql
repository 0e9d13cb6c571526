-- Generated benchmark rows: one oca_causes row per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       'NonPayment ' || v AS causeofactiontype,
       date '2023-01-01' AS interestfromdate,
       1234.56 AS amount
FROM ids
WHERE kind = 'version'
