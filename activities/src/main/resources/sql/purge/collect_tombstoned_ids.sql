-- The ids to purge: every case whose oca_metadata row has a deletedate (docs/processing-rules.md#rule-6: a tombstone is
-- permanent, and a tombstoned id keeps no rows in the eleven data tables). Collected once into a
-- temp table that is dropped at commit, so the eleven deletes see the same ids. The update count
-- of this statement is the number of tombstoned ids. oca_metadata itself is never touched: its
-- rows are the tombstones.
CREATE TEMP TABLE purge_tombstoned_ids ON COMMIT DROP AS
SELECT m.indexnumberid
FROM oca_metadata m
WHERE m.deletedate IS NOT NULL
