-- A published table or view r whose every row belongs to a case in oca_index (a child table, or a
-- view of oca_addresses: their foreign keys say so), with the case's filed date as
-- i.oca_fileddate. An inner join, so that a filter on the part (part_filter_some.sql) reaches
-- oca_index_publish_part_idx and only the dirty parts' cases are joined. The renamed columns cannot
-- clash with r's, so the order columns stay unqualified and r.* keeps every column of r.
{{relation}} r
JOIN (SELECT indexnumberid AS oca_case, fileddate AS oca_fileddate FROM oca_index) i ON i.oca_case = r.indexnumberid
