-- Streams one staged CSV (PostgreSQL COPY csv conventions) into a temp table of the promotion (a
-- landing table, or a net table whose file_pos default names the file). HEADER MATCH (PostgreSQL
-- 15+) also checks that the header names these columns in this order, so an exporter that wrote
-- columns in another order fails loudly instead of shifting values.
COPY {{target}} ({{columns}}) FROM STDIN (FORMAT csv, HEADER MATCH)
