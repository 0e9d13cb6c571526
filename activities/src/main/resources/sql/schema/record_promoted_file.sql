-- docs/processing-rules.md#rule-2: the promoted-file record, written in the same transaction as the file's data. A
-- concurrent insert of the same name cannot happen (advisory lock). A replay of a promoted file
-- (same name and checksum: the caller checked) refreshes the row to say who applied it last.
-- Bind: file name, extract date, sha256, counts (json text), workflow id, run id.
INSERT INTO oca_promoted_files (file_name, extract_date, sha256, counts, workflow_id, run_id)
VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)
ON CONFLICT (file_name) DO UPDATE
SET extract_date = EXCLUDED.extract_date,
    counts = EXCLUDED.counts,
    promoted_at = now(),
    workflow_id = EXCLUDED.workflow_id,
    run_id = EXCLUDED.run_id
WHERE oca_promoted_files.sha256 = EXCLUDED.sha256
