-- Staged child rows whose case has no staged oca_index row (NULL ids included): an exporter defect
-- that would otherwise be silently ignored.
SELECT count(*)
FROM {{landing_table}} c
WHERE NOT EXISTS (SELECT 1 FROM landing_oca_index i WHERE i.indexnumberid = c.indexnumberid)
