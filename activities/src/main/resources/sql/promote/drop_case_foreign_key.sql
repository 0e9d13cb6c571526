-- A large promotion sets a child table's foreign key aside for the rest of its transaction: the
-- per-row check costs ~9 µs a row, re-adding the key validates the whole table in one join at
-- ~1.2 µs a row (measured, docs/benchmarks.md). Takes an ACCESS EXCLUSIVE lock on the table until
-- commit (readers wait; lock_timeout applies). Rolled back with everything else on failure.
ALTER TABLE {{table}} DROP CONSTRAINT {{constraint}}
