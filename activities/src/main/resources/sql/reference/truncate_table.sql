-- A reference load replaces the table's contents inside the load's transaction: TRUNCATE is
-- transactional in PostgreSQL, so a load that fails (bad input) leaves the previous release.
TRUNCATE {{table}}
