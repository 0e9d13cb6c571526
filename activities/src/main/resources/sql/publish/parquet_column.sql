-- One column of parquet_rows.sql's {{select_list}}, as PostgreSQL writes it in CSV.
{{column}}
