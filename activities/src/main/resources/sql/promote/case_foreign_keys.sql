-- The foreign keys of the child tables to oca_index (docs/tables.md#conventions: indexnumberid REFERENCES
-- oca_index ON DELETE CASCADE), by table and constraint name. Only constraints of exactly that shape
-- are listed, so set_aside/restore never touch a key someone else added. Search path = the schema.
SELECT c.relname AS table_name, k.conname AS constraint_name
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
WHERE k.contype = 'f'
  AND k.confrelid = 'oca_index'::regclass
  AND cardinality(k.conkey) = 1
  AND a.attname = 'indexnumberid'
  AND k.confdeltype = 'c'
ORDER BY c.relname
