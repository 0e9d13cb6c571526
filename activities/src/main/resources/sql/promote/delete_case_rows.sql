-- Removes one child table's rows of every case this file replaces (rule 4) or deletes (rule 6).
-- Tombstoned re-sends are included so an id with a deletedate never keeps rows. Run for each of the
-- ten child tables explicitly: the ON DELETE CASCADE is never relied on (lessons #1).
-- Uses <table>_indexnumberid_idx (stage_case_decision is small and analysed).
DELETE FROM {{table}} t
USING stage_case_decision d
WHERE t.indexnumberid = d.indexnumberid
  AND d.decision IN ('apply', 'delete', 'tombstoned')
