-- SET LOCAL search_path = <schema>, with the (validated, quoted) schema bound as a value.
-- is_local = true: the setting ends with the transaction.
SELECT set_config('search_path', ?, true)
