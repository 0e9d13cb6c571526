-- Writes a query as a CSV that PostgreSQL's COPY ... FROM STDIN (FORMAT csv, HEADER true) reads
-- back exactly: header of column names, NULL as an empty unquoted field, the empty string as "",
-- booleans true/false, dates YYYY-MM-DD, timestamps YYYY-MM-DD HH:MM:SS.
-- {{query}} is one of the export_*_query.sql templates; {{target}} a quoted file path literal.
COPY (
{{query}}
) TO {{target}} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '',
                 DATEFORMAT '%Y-%m-%d', TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S');
