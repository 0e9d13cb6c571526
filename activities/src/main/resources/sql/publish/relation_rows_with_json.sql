-- The rows of relation_rows.sql with each text[] column repeated at the end as a JSON array: the
-- published CSV gets the leading columns, the Parquet twin reads the arrays from the JSON ones, so
-- one read of the snapshot writes both (ParquetExporter.exportWithCsv, CsvTee).
SELECT *, {{json_columns}} FROM {{relation}} ORDER BY {{order_columns}}
