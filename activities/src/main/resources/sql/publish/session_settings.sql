-- Memory of a publish's snapshot transactions (each export connection): the hash of oca_index that
-- gives every row its part (part_source.sql) and the sorts by part and columns stay in memory or
-- spill less than at PostgreSQL's default 4MB (docs/benchmarks.md). SET LOCAL semantics: the
-- setting ends with the transaction.
SELECT set_config('work_mem', '64MB', true)
