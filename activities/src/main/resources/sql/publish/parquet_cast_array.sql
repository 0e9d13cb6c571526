-- One text[] column of parquet_copy.sql's {{select_list}}: the JSON array as LIST<VARCHAR>.
CAST(CAST({{column}} AS JSON) AS VARCHAR[]) AS {{column}}
