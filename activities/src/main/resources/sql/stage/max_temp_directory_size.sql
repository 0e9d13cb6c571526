-- Bounds what DuckDB may spill into temp_directory. Set after the database opens: passed as a
-- connection property, DuckDB 2.0 reports the value in current_setting() but does not enforce it
-- (measured: 88 MB spilled under a 4 MB limit).
-- {{size}}: a quoted size literal such as '20GB' (SET takes no bound parameters).
SET GLOBAL max_temp_directory_size = {{size}};
