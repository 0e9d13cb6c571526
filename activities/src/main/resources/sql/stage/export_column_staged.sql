-- One column of export_table_query.sql's {{select_list}}: a staged column, from the staging table (s).
-- {{column}}: a validated column name.
s.{{column}} AS {{column}}
