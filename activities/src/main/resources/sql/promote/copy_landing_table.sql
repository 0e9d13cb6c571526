-- Streams one staged CSV (PostgreSQL COPY csv conventions) into its landing table. HEADER MATCH
-- (PostgreSQL 15+) also checks that the header names these columns in this order, so an exporter
-- that wrote columns in another order fails loudly instead of shifting values.
COPY {{landing_table}} ({{columns}}) FROM STDIN (FORMAT csv, HEADER MATCH)
