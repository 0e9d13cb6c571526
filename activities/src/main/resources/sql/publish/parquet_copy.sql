-- DuckDB: the local CSV (parquet_rows.sql, or the copy of relation_rows_with_json.sql), header
-- skipped, every field read as text (NULL = an empty unquoted field; "" stays the empty string),
-- cast to its type and written as one zstd Parquet file in the order read. Bounded memory
-- (docs/design.md#typed-parquet): a line may be 12 MiB (a decision's highlight of 2 Mi characters
-- is at most 8 MiB), read through a 16 MiB buffer instead of DuckDB's 16 lines' worth, and a row
-- group is closed at 8 MB instead of at 122,880 rows.
COPY (
  SELECT {{select_list}}
  FROM read_csv({{source}}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                nullstr = '', allow_quoted_nulls = false, max_line_size = 12582912, buffer_size = 16777216,
                columns = { {{columns}} })
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE_BYTES '8MB')
