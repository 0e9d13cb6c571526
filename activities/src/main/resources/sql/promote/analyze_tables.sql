-- Fresh planner statistics. Autovacuum never analyses temp tables: without them the planner guesses
-- the landing tables' size and may pick sequential scans of the main tables instead of index lookups
-- by indexnumberid. After a large promotion the main tables' statistics are refreshed too, so the
-- next files' statements (and readers after commit) plan for the tables' real size.
ANALYZE {{tables}}
