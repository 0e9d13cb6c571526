-- Run once at the end of a parse, in its transaction: the version of each id this file applies,
-- which is its last occurrence (docs/processing-rules.md#rule-4; a Delete after an add deletes, an add after a Delete
-- re-adds). When that last occurrence failed to convert, the id is untouched by this file (docs/processing-rules.md#rule-8):
-- no rows and no metadata, because an earlier version in the same file is already stale. Failed
-- cases without an id never reach this table. Materialized (not a view) because the case counts,
-- every table's export and the metadata export all read it: the grouping runs once.
CREATE TABLE final_cases AS
SELECT indexnumberid,
       max(case_seq)             AS case_seq,
       arg_max(kind, case_seq)   AS kind
FROM cases
WHERE indexnumberid IS NOT NULL
GROUP BY indexnumberid;
