-- Run once at the end of a parse, in its transaction: what this file does to each of its ids.
--   * A delete record anywhere in the file is final (docs/processing-rules.md#rule-6, #rule-7): kind 'deleted', whatever comes
--     before or after it. Deleted cases are often sealed by the court, so a later add in the same
--     file must not bring them back, and the file contributes no version of the id.
--   * Otherwise the last occurrence wins (docs/processing-rules.md#rule-4): kind 'staged' with its case_seq, or 'failed'
--     when it did not convert: then the id is untouched by this file (docs/processing-rules.md#rule-8), no rows and no
--     metadata, because an earlier version in the same file is already stale.
-- version_converted: the winning non-delete version (the last one) converted. For a deleted id it
-- still sets updatedate (docs/processing-rules.md#rule-7: a version refused only because the id is tombstoned counts).
-- Failed cases without a usable id never reach this table. Materialized (not a view) because the
-- case counts, every table's export and the metadata export all read it: the grouping runs once.
CREATE TABLE final_cases AS
SELECT indexnumberid,
       case_seq,
       CASE WHEN deletes > 0 THEN 'deleted' ELSE version_kind END AS kind,
       coalesce(version_kind = 'staged', false)                   AS version_converted
FROM (
    SELECT indexnumberid,
           count(*) FILTER (WHERE kind = 'deleted')                      AS deletes,
           max(case_seq) FILTER (WHERE kind <> 'deleted')                AS case_seq,
           arg_max(kind, case_seq) FILTER (WHERE kind <> 'deleted')      AS version_kind
    FROM cases
    WHERE indexnumberid IS NOT NULL
    GROUP BY indexnumberid
) AS per_id;
