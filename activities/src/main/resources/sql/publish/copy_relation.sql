-- One published snapshot file streamed to the worker: the rows of relation_rows.sql in
-- PostgreSQL CSV conventions (tables.md §6.2).
COPY ({{query}}) TO STDOUT (FORMAT csv, HEADER true)
