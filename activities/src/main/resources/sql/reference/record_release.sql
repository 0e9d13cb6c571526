-- Records a reference load in the same transaction as the data it loaded, so the
-- newest row of a table always describes what the table holds.
INSERT INTO oca_reference_releases (table_name, release, file_name, sha256, row_count, loaded_at)
VALUES (?, ?, ?, ?, ?, clock_timestamp())
RETURNING loaded_at
