-- Writes one staged CSV of the weekly file with PostgreSQL's own COPY: the exporter's format
-- exactly, which the promotion's COPY ... (HEADER MATCH) checks.
COPY ({{rows}}) TO STDOUT (FORMAT csv, HEADER true)
