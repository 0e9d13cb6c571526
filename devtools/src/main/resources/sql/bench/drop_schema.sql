-- The full-history and promotion benchmarks start from an empty schema every time (their own,
-- never the production one): a full reprocess after an incident, or a database filled by SQL.
DROP SCHEMA IF EXISTS {{schema}} CASCADE
