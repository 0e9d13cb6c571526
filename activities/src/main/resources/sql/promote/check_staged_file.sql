-- The staged-file contract (one metadata row per id of the file; a case version is (id, D, D, NULL),
-- a deleted id (id, D, NULL, D), or (id, D, D, D) when the file also held a converted version of it
-- (docs/processing-rules.md#rule-7), D = the file's extract date; an oca_index row for exactly the case versions). Returns
-- counts of violations only (never values: they may be addresses).
-- Bind: the file's extract date.
WITH file AS (SELECT CAST(? AS date) AS extract_date)
SELECT
    (SELECT count(*)
       FROM landing_oca_metadata s, file f
      WHERE s.indexnumberid IS NULL
         OR s.initialdate IS DISTINCT FROM f.extract_date
         OR NOT (   (s.updatedate = f.extract_date AND s.deletedate IS NULL)
                 OR (s.deletedate = f.extract_date
                     AND (s.updatedate IS NULL OR s.updatedate = f.extract_date))))
        AS bad_metadata_rows,
    (SELECT count(*) - count(DISTINCT indexnumberid) FROM landing_oca_metadata)
        AS duplicate_metadata_ids,
    (SELECT count(*) - count(DISTINCT indexnumberid) FROM landing_oca_index)
        AS duplicate_index_ids,
    (SELECT count(*)
       FROM landing_oca_index i
      WHERE NOT EXISTS (SELECT 1 FROM landing_oca_metadata s
                         WHERE s.indexnumberid = i.indexnumberid AND s.deletedate IS NULL))
        AS index_rows_without_case_version,
    (SELECT count(*)
       FROM landing_oca_metadata s
      WHERE s.deletedate IS NULL
        AND NOT EXISTS (SELECT 1 FROM landing_oca_index i WHERE i.indexnumberid = s.indexnumberid))
        AS case_versions_without_index_row
