-- The weekly file of 2024-06-01: updates of existing cases and delete records, both spread over the
-- database's cases every ? ids (so they hit the whole of each index, not one end of it), and new
-- cases numbered after the database's last one. None is geocoded yet, as when staged.
INSERT INTO ids (n, v, kind, geocoded, d)
SELECT ? * i + 1, 'new', 'version', false, date '2024-06-01' FROM generate_series(0, ? - 1) i
UNION ALL
SELECT ? + 1 + i, 'new', 'version', false, date '2024-06-01' FROM generate_series(0, ? - 1) i
UNION ALL
SELECT ? * i + 2, 'del', 'delete', false, date '2024-06-01' FROM generate_series(0, ? - 1) i
