-- One text[] column of parquet_copy.sql's {{select_list}}: the CSV column {{source}} holding it as
-- a JSON array, read as LIST<VARCHAR>.
CAST(CAST({{source}} AS JSON) AS VARCHAR[]) AS {{column}}
