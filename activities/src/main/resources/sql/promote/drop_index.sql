-- A history load sets the child tables' indexes aside while its files only add new cases (nothing
-- to look up by indexnumberid): building an index once from sorted keys is several times cheaper
-- than maintaining it row by row (docs/benchmarks.md). The table is already locked ACCESS EXCLUSIVE
-- by the foreign-key deferral. Rolled back with everything else on failure.
DROP INDEX {{index}}
