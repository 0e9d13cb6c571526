-- Serialises the PostGIS set-up of all workers starting at once: CREATE EXTENSION and ADD COLUMN
-- of two sessions would otherwise race (a unique violation on pg_extension, a duplicate column).
-- The key is a constant (the extension is per database, not per schema); released at commit.
SELECT pg_advisory_xact_lock(?)
