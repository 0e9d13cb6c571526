-- The cases already in the database: 1..? as of the Initial file of 2024-01-05, all geocoded.
INSERT INTO ids (n, v, kind, geocoded, d)
SELECT n, 'old', 'version', true, date '2024-01-05'
FROM generate_series(1, ?) n
