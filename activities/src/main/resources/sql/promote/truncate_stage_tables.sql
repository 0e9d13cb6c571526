-- Empties the staging and working tables before the next file of the same transaction.
TRUNCATE {{tables}}
