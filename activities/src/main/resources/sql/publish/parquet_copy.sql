-- DuckDB: the headerless CSV of parquet_rows.sql, every field read as text (NULL = an empty
-- unquoted field; "" stays the empty string), cast to its type and written as one zstd Parquet
-- file in the order read.
COPY (
  SELECT {{select_list}}
  FROM read_csv({{source}}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
                nullstr = '', allow_quoted_nulls = false, max_line_size = 67108864, columns = { {{columns}} })
) TO {{target}} (FORMAT parquet, COMPRESSION zstd)
