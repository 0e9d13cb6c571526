-- First statement of every promotion transaction: SET LOCAL lock_timeout, statement_timeout,
-- idle_in_transaction_session_timeout and search_path, written as set_config(..., is_local => true)
-- so the values are bound instead of spliced. All four end with the transaction (safe behind a
-- transaction-mode pooler). Bind order: lock ms, statement ms, idle ms, quoted schema.
-- work_mem: the contract checks, the duplicate counts and the foreign-key validation sort or hash
-- a file's 64-character ids; at the server default (4MB) an Initial file's spill to disk.
-- maintenance_work_mem: rebuilding indexes set aside by a history
-- load sorts tens of millions of keys. One promotion runs at a time per schema.
SELECT set_config('lock_timeout', ?, true),
       set_config('statement_timeout', ?, true),
       set_config('idle_in_transaction_session_timeout', ?, true),
       set_config('search_path', ?, true),
       set_config('work_mem', '64MB', true),
       set_config('maintenance_work_mem', '256MB', true)
