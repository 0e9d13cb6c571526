-- The planner's estimate of the rows in the ten child tables (pg_class.reltuples: kept by
-- autovacuum/ANALYZE; -1 for a table never analysed, counted as empty). Cheap: no table scan.
SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint
FROM pg_class c
WHERE c.oid IN (SELECT k.conrelid FROM pg_constraint k
                WHERE k.contype = 'f' AND k.confrelid = 'oca_index'::regclass)
