-- Empties the landing tables before the next file of the same transaction.
TRUNCATE {{tables}}
