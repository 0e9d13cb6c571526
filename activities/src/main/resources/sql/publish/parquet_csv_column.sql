-- One entry of parquet_copy.sql's {{columns}}: a column of the CSV, read as text.
{{name}}: 'VARCHAR'
