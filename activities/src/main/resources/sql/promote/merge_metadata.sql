-- docs/processing-rules.md#rule-7, order-independent: initialdate = earliest date the id was seen, updatedate = latest date of
-- a non-delete version, deletedate = latest date of a delete record. LEAST/GREATEST ignore NULLs, so
-- merging files in any order gives the same row. updatedate counts every non-delete version seen
-- (also skipped and tombstoned ones, and one refused by a delete in its own file): counting only
-- applied versions would depend on file order.
-- The files of the net change set are merged into one row per id first (the same LEAST/GREATEST,
-- so the result is the one of merging them one at a time); the per-file "changed" counts come
-- from classify_net_cases.sql.
-- Upsert on the permanent primary key; unchanged rows are not rewritten (replays stay cheap).
INSERT INTO oca_metadata AS m (indexnumberid, initialdate, updatedate, deletedate)
SELECT indexnumberid, min(initialdate), max(updatedate), max(deletedate)
FROM net_oca_metadata
GROUP BY indexnumberid
ON CONFLICT (indexnumberid) DO UPDATE
SET initialdate = LEAST(m.initialdate, EXCLUDED.initialdate),
    updatedate  = GREATEST(m.updatedate, EXCLUDED.updatedate),
    deletedate  = GREATEST(m.deletedate, EXCLUDED.deletedate)
WHERE (m.initialdate, m.updatedate, m.deletedate)
      IS DISTINCT FROM (LEAST(m.initialdate, EXCLUDED.initialdate),
                        GREATEST(m.updatedate, EXCLUDED.updatedate),
                        GREATEST(m.deletedate, EXCLUDED.deletedate))
