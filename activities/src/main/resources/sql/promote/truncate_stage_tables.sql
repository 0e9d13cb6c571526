-- Empties the stage tables before the next file of the same transaction.
TRUNCATE {{tables}}
