-- Streams one staged CSV (PostgreSQL COPY csv conventions) into its stage table. HEADER MATCH
-- (PostgreSQL 15+) also checks that the header names these columns in this order, so an exporter
-- that wrote columns in another order fails loudly instead of shifting values.
COPY {{stage_table}} ({{columns}}) FROM STDIN (FORMAT csv, HEADER MATCH)
