-- First statement of every promotion transaction: SET LOCAL lock_timeout, statement_timeout,
-- idle_in_transaction_session_timeout and search_path, written as set_config(..., is_local => true)
-- so the values are bound instead of spliced. All four end with the transaction (safe behind a
-- transaction-mode pooler). Bind order: lock ms, statement ms, idle ms, quoted schema.
SELECT set_config('lock_timeout', ?, true),
       set_config('statement_timeout', ?, true),
       set_config('idle_in_transaction_session_timeout', ?, true),
       set_config('search_path', ?, true)
