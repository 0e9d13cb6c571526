-- One column of parquet_copy.sql's {{select_list}}: the text cast to its Parquet type.
CAST({{column}} AS {{type}}) AS {{column}}
