-- Rule 14: before the applied cases lose their address rows, keep those that have coordinates.
INSERT INTO stage_previous_address
SELECT a.*
FROM oca_addresses a
WHERE a.lat IS NOT NULL
  AND a.lon IS NOT NULL
  AND EXISTS (SELECT 1 FROM stage_case_decision d
               WHERE d.indexnumberid = a.indexnumberid AND d.decision = 'apply')
