-- The rows of one published Parquet file, streamed to the worker as a CSV that DuckDB
-- reads back (ParquetExporter): the same rows and order as relation_rows.sql, arrays as JSON so
-- that quoted elements and NULL elements survive unambiguously.
COPY (SELECT {{select_list}} FROM {{relation}} ORDER BY {{order_columns}}) TO STDOUT (FORMAT csv, HEADER true)
