-- oca_metadata rows of this file: one per id that is staged or deleted (docs/processing-rules.md#rule-7 merges them with the
-- existing rows at promotion). The parameter is the extract date D:
--   staged  -> (id, D, D, NULL)
--   deleted -> (id, D, D or NULL, D): updatedate D when the file's winning non-delete version of
--              the id converted (it counts although the delete refuses it, docs/processing-rules.md#rule-7), else NULL.
-- Failed last occurrences leave the id untouched (docs/processing-rules.md#rule-8), so they have no row. Ordered by id, like
-- the data tables.
SELECT f.indexnumberid,
       p.d                                             AS initialdate,
       CASE WHEN f.version_converted THEN p.d END      AS updatedate,
       CASE WHEN f.kind = 'deleted' THEN p.d END       AS deletedate
FROM final_cases AS f
CROSS JOIN (SELECT CAST(? AS DATE) AS d) AS p
WHERE f.kind IN ('staged', 'deleted')
ORDER BY f.indexnumberid
