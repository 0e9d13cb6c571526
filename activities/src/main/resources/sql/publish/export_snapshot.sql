-- Exports the publish transaction's snapshot so that further connections can join it (SET
-- TRANSACTION SNAPSHOT) and write their CSVs from exactly the same committed state.
SELECT pg_export_snapshot()
