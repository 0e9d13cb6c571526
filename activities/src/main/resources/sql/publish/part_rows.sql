-- The rows of some parts of one published file, the part first: the store's export splits the
-- COPY output by that first field into one object per part (PartSplitter) and drops it. Same
-- order as relation_rows.sql. {{parts}} is part_filter_all.sql or part_filter_some.sql.
SELECT oca_publish_part(i.oca_fileddate), r.* FROM {{source}}
WHERE {{parts}}
ORDER BY oca_publish_part(i.oca_fileddate) COLLATE "C", {{order_columns}}
