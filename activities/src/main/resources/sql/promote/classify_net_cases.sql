-- Decides, set-based and once for the whole net change set, what each file's record does to each
-- of its ids, exactly as applying the files one at a time in request order (rule-1 order) would:
-- each file sees the metadata the database had before the promotion merged with the rows of the
-- earlier files of the set (docs/processing-rules.md#rule-5: "each file sees the metadata the
-- earlier ones left"). Per id, ordered by file_pos, over the earlier files only:
--   * a delete record is always applied (docs/processing-rules.md#rule-6);
--   * a case version of an id with a deletedate in the database or a delete record in an earlier
--     file is tombstoned: tombstones are permanent;
--   * a case version older than the latest updatedate so far (the database's, or an earlier
--     file's) is skipped; equal dates apply (docs/processing-rules.md#rule-5);
--   * anything else is applied (docs/processing-rules.md#rule-4).
-- A delete anywhere inside one file already makes that file's staged row a delete record (its
-- updatedate set too, docs/processing-rules.md#rule-7), so the file contributes no version.
--
-- The database's metadata is looked up per staged row through its primary key (LIMIT 1 keeps the
-- lateral subquery from being flattened into a hash join over the whole oca_metadata table).
INSERT INTO net_case (indexnumberid, file_pos, decision, db_known, metadata_changed, rows_pos)
SELECT indexnumberid, file_pos, decision, db_known, metadata_changed,
       CASE WHEN bool_or(decision IN ('delete', 'tombstoned')) OVER earlier THEN NULL
            ELSE coalesce(max(file_pos) FILTER (WHERE decision = 'apply') OVER earlier, 0)
       END
FROM (
    SELECT s.indexnumberid, s.file_pos, m.known IS NOT NULL AS db_known,
           CASE
               WHEN s.deletedate IS NOT NULL THEN 'delete'
               WHEN m.deletedate IS NOT NULL OR s.earlier_deletedate IS NOT NULL THEN 'tombstoned'
               WHEN s.updatedate < GREATEST(m.updatedate, s.earlier_updatedate) THEN 'skip_older'
               ELSE 'apply'
           END AS decision,
           -- docs/processing-rules.md#rule-7: the id's row before this file, merged with this file's
           (m.known IS NULL AND s.earlier_files = 0)
           OR (LEAST(m.initialdate, s.earlier_initialdate),
               GREATEST(m.updatedate, s.earlier_updatedate),
               GREATEST(m.deletedate, s.earlier_deletedate))
              IS DISTINCT FROM
              (LEAST(m.initialdate, s.earlier_initialdate, s.initialdate),
               GREATEST(m.updatedate, s.earlier_updatedate, s.updatedate),
               GREATEST(m.deletedate, s.earlier_deletedate, s.deletedate)) AS metadata_changed
    FROM (
        SELECT n.*,
               min(n.initialdate) OVER earlier AS earlier_initialdate,
               max(n.updatedate)  OVER earlier AS earlier_updatedate,
               max(n.deletedate)  OVER earlier AS earlier_deletedate,
               count(*)           OVER earlier AS earlier_files
        FROM net_oca_metadata n
        WINDOW earlier AS (PARTITION BY n.indexnumberid ORDER BY n.file_pos
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ) s
    LEFT JOIN LATERAL (
        SELECT initialdate, updatedate, deletedate, true AS known
        FROM oca_metadata
        WHERE oca_metadata.indexnumberid = s.indexnumberid
        LIMIT 1
    ) m ON true
) classified
WINDOW earlier AS (PARTITION BY indexnumberid ORDER BY file_pos
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
