-- What a published relation is: its columns with their types, and for a view its definition; with
-- the loaded reference releases (the level-2 views join PLUTO and tracts). Recorded in every part
-- manifest: parts of another definition are never reused.
SELECT (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
        FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
       || E'\n' || coalesce(pg_get_viewdef(c.oid), '')
       || E'\n' || coalesce((SELECT string_agg(table_name || ' ' || release || ' ' || sha256 || ' ' || loaded_at,
                                               ', ' ORDER BY table_name, loaded_at)
                             FROM oca_reference_releases), '')
FROM pg_class c
WHERE c.oid = to_regclass(?)
