-- The benchmark schema for the rest of this session (is_local = false), for statements such as
-- VACUUM that run outside a transaction; the (validated, quoted) schema is bound as a value.
SELECT set_config('search_path', ?, false)
