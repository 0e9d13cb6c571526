-- One text[] column as a JSON array, NULL elements as null: in parquet_rows.sql's {{select_list}}
-- in place ({{alias}} = {{column}}), in relation_rows_with_json.sql's {{json_columns}} at the end.
array_to_json({{column}})::text AS {{alias}}
