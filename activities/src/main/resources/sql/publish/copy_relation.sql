-- One published snapshot file streamed to the worker: the rows of relation_rows.sql in
-- PostgreSQL CSV conventions (docs/tables.md#csv-format).
COPY ({{query}}) TO STDOUT (FORMAT csv, HEADER true)
