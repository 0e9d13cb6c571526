-- docs/processing-rules.md#rule-14: before the replaced cases lose their address rows, keep those that have coordinates.
-- "= ANY (ARRAY(subquery))" makes the planner probe oca_addresses_indexnumberid_idx for the set's
-- ids instead of scanning the whole table (see delete_case_rows.sql).
INSERT INTO previous_address
SELECT a.*
FROM oca_addresses a
WHERE a.indexnumberid = ANY (ARRAY(SELECT d.indexnumberid
                                   FROM net_decision d
                                   WHERE d.winner_pos IS NOT NULL AND d.db_known))
  AND a.lat IS NOT NULL
  AND a.lon IS NOT NULL
