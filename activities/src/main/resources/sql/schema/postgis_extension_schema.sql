-- The schema PostGIS is installed in, if it is installed in this database at all. Its types and
-- functions are found through this schema (on the search path during the DDL), so the oca schema
-- need not be the extension's schema and several oca schemas share one installation.
SELECT n.nspname
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'postgis'
