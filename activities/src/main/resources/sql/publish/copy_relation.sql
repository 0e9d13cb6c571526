-- One published snapshot file: every row of a table or view in PostgreSQL CSV conventions
-- (tables.md §6.2), sorted by all its published columns so that the same data always gives the
-- same bytes (child tables have no key of their own; the leading columns are their natural order).
COPY (SELECT * FROM {{relation}} ORDER BY {{order_columns}}) TO STDOUT (FORMAT csv, HEADER true)
