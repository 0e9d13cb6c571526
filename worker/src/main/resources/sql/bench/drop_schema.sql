-- The full-history benchmark starts from an empty schema every time (its own, never the
-- production one): a full reprocess after an incident.
DROP SCHEMA IF EXISTS {{schema}} CASCADE
