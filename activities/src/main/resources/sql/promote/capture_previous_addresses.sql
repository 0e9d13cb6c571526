-- docs/processing-rules.md#rule-14: before the applied cases lose their address rows, keep those that have coordinates.
-- "= ANY (ARRAY(subquery))" makes the planner probe oca_addresses_indexnumberid_idx for the file's
-- ids instead of scanning the whole table (see delete_case_rows.sql).
INSERT INTO stage_previous_address
SELECT a.*
FROM oca_addresses a
WHERE a.indexnumberid = ANY (ARRAY(SELECT d.indexnumberid
                                   FROM stage_case_decision d
                                   WHERE d.decision = 'apply' AND d.known))
  AND a.lat IS NOT NULL
  AND a.lon IS NOT NULL
