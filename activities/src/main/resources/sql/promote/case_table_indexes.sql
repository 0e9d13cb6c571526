-- The plain (non-unique) indexes of the child tables in the current schema, with PostgreSQL's own
-- definition of each (pg_get_indexdef: schema-qualified CREATE INDEX), so an index set aside by
-- drop_index.sql is rebuilt exactly as it was. Bind: the child table names (text[]).
SELECT i.relname AS index_name, pg_get_indexdef(x.indexrelid) AS definition
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
WHERE c.relnamespace = current_schema()::regnamespace
  AND c.relname = ANY (?)
  AND NOT x.indisunique
  AND NOT x.indisprimary
ORDER BY c.relname, i.relname
