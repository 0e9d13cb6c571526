-- docs/processing-rules.md#rule-6: deleted ids (and tombstoned re-sends) lose their oca_index row. Their child rows are
-- already gone (delete_case_rows.sql), so the cascade finds nothing to do. Index-driven like
-- delete_case_rows.sql (primary key).
DELETE FROM oca_index t
WHERE t.indexnumberid = ANY (ARRAY(SELECT d.indexnumberid
                                   FROM stage_case_decision d
                                   WHERE d.decision IN ('delete', 'tombstoned')
                                     AND d.known))
