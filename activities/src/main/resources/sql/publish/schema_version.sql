-- The schema's Flyway migrations (SchemaMigrator), recorded in every part manifest: parts written
-- under other migrations are never reused.
SELECT string_agg(coalesce(version, '') || ':' || coalesce(checksum::text, ''), ',' ORDER BY installed_rank)
FROM flyway_schema_history WHERE success
