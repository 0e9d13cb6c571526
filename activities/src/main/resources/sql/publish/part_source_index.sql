-- oca_index r with its own filed date as i.oca_fileddate (no join; the planner flattens the
-- subquery, so oca_index_publish_part_idx serves a filter on the part).
oca_index r CROSS JOIN LATERAL (SELECT r.fileddate AS oca_fileddate) i
