-- Autovacuum never analyses temp tables: without fresh statistics the planner guesses their size
-- and may pick sequential scans of the main tables instead of index lookups by indexnumberid.
ANALYZE {{tables}}
