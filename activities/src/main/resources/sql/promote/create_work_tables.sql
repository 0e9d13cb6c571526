-- Per-file working sets of the promotion, emptied between files and dropped at commit.

-- What this file's record does to each of its case ids (docs/processing-rules.md#rule-5, #rule-6):
--   apply       a case version that replaces the case's rows (docs/processing-rules.md#rule-4)
--   skip_older  a case version older than the case's updatedate (docs/processing-rules.md#rule-5)
--   tombstoned  a case version of a deleted id: never applied (docs/processing-rules.md#rule-6)
--   delete      a delete record (docs/processing-rules.md#rule-6)
-- known: the id already had an oca_metadata row. Every id that has rows in a data table has one
-- (the promotion merges metadata for every staged id), so an unknown id has no rows to remove and
-- the per-table deletes skip it: an Initial file of new cases probes no index at all.
CREATE TEMP TABLE stage_case_decision (
    indexnumberid text PRIMARY KEY,
    decision      text NOT NULL CHECK (decision IN ('apply', 'skip_older', 'tombstoned', 'delete')),
    known         boolean NOT NULL
) ON COMMIT DROP;

-- Geocoded address rows of the cases about to be replaced, kept so that a new row of the same
-- address without coordinates can inherit them (docs/processing-rules.md#rule-14).
CREATE TEMP TABLE stage_previous_address (LIKE oca_addresses) ON COMMIT DROP;
CREATE INDEX ON stage_previous_address (indexnumberid);
