-- One column of export_table_query.sql's {{select_list}}: a column the parser does not stage
-- (oca_addresses' geocoder output), as a typed NULL.
-- {{type}}: the column's DuckDB type; {{column}}: a validated column name.
CAST(NULL AS {{type}}) AS {{column}}
