-- Per file of the net change set: ids per decision and oca_metadata rows its merge changed, as
-- applying the files one at a time would have counted them (classify_net_cases.sql).
SELECT file_pos, decision, count(*), count(*) FILTER (WHERE metadata_changed)
FROM net_case
GROUP BY file_pos, decision
