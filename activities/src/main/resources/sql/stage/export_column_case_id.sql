-- One column of export_table_query.sql's {{select_list}}: the case id, from final_cases (f).
-- {{column}}: a validated column name.
f.{{column}} AS {{column}}
