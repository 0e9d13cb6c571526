-- One text[] column of parquet_rows.sql's {{select_list}}: a JSON array, NULL elements as null.
array_to_json({{column}})::text AS {{column}}
