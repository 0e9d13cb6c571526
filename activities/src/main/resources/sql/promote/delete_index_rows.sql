-- Rule 6: deleted ids (and tombstoned re-sends) lose their oca_index row. Their child rows are
-- already gone (delete_case_rows.sql), so the cascade finds nothing to do.
DELETE FROM oca_index t
USING stage_case_decision d
WHERE t.indexnumberid = d.indexnumberid
  AND d.decision IN ('delete', 'tombstoned')
