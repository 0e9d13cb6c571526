-- oca_metadata r with the filed date of each row's case as i.oca_fileddate, NULL for an id without
-- an oca_index row (a tombstone: part undated). Same columns as part_source.sql.
oca_metadata r
LEFT JOIN (SELECT indexnumberid AS oca_case, fileddate AS oca_fileddate FROM oca_index) i ON i.oca_case = r.indexnumberid
