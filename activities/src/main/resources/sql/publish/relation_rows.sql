-- The rows of one published file, whole (RDS's query_export_to_s3): every row of a table or view,
-- in the published row order (docs/tables.md#csv-format): by part (the filed year of the case, see
-- V8's oca_publish_part), then by all published columns, so that the same data always gives the
-- same bytes and the concatenated parts of the file (part_rows.sql) are exactly these rows.
-- {{source}} is part_source.sql or part_source_index.sql.
SELECT r.* FROM {{source}}
ORDER BY oca_publish_part(i.oca_fileddate) COLLATE "C", {{order_columns}}
