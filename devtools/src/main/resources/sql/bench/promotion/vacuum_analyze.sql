-- What autovacuum would have done to a long-lived database: statistics for the planner and a
-- visibility map. VACUUM cannot run in a transaction, so the tables are named in the session's
-- search path (session_search_path.sql).
VACUUM ANALYZE {{tables}}
