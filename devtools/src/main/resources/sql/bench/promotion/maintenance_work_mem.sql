-- More memory for the index upkeep of a bulk fill than a server's default 64MB, for this
-- transaction only.
SET LOCAL maintenance_work_mem = '256MB'
