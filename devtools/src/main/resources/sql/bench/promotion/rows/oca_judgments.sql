-- Generated benchmark rows: one oca_judgments row per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       1 AS sequence,
       NULL::int AS amendedfromjudgmentsequence,
       'Default ' || v AS judgmenttype,
       date '2023-05-01' AS fileddate,
       timestamp '2023-05-02 10:00' AS entereddatetime,
       true AS withpossession,
       NULL AS latestjudgmentstatus,
       NULL::date AS latestjudgmentstatusdate,
       5000.00 AS totaljudgmentamount,
       ARRAY['Petitioner'] AS creditorsroles,
       ARRAY['Respondent'] AS debtorsroles
FROM ids
WHERE kind = 'version'
