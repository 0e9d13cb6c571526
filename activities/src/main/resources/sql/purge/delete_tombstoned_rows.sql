-- Deletes one data table's rows of every tombstoned id. Run for each of the ten child tables and
-- then for oca_index, explicitly: the ON DELETE CASCADE is never relied on (a disabled trigger or replica mode would leave orphans). Written
-- as "= ANY (ARRAY(subquery))" like sql/promote/delete_case_rows.sql, so the plan is an index
-- scan of <table>_indexnumberid_idx (the primary key for oca_index) driven by the ids.
DELETE FROM {{table}} t
WHERE t.indexnumberid = ANY (ARRAY(SELECT p.indexnumberid FROM purge_tombstoned_ids p))
