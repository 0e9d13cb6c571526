-- A published table or view r with the filed date of each row's case as i.oca_fileddate (NULL
-- without an oca_index row). The renamed columns cannot clash with r's, so the order columns stay
-- unqualified and r.* keeps every column of r.
{{relation}} r
LEFT JOIN (SELECT indexnumberid AS oca_case, fileddate AS oca_fileddate FROM oca_index) i ON i.oca_case = r.indexnumberid
