-- How large the database is and how many rows the benchmark schema holds (after ANALYZE).
SELECT pg_size_pretty(pg_database_size(current_database())),
       (SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE schemaname = ?)
