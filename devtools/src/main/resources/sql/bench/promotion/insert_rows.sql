-- Fills one table of the benchmark schema with its generated rows (rows/<table>.sql).
INSERT INTO {{table}} {{rows}}
