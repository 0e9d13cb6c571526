-- The rows of one published snapshot file: every row of a table or view, sorted by all its
-- published columns so that the same data always gives the same bytes (child tables have no key
-- of their own; the leading columns are their natural order).
SELECT * FROM {{relation}} ORDER BY {{order_columns}}
