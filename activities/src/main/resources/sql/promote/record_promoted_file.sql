-- Rule 2: the promoted-file record, written in the same transaction as the file's data. A
-- concurrent insert of the same name cannot happen (advisory lock); if it did, the primary key
-- would fail the whole promotion rather than record it twice.
-- Bind: file name, extract date, sha256, counts (json text), workflow id, run id.
INSERT INTO oca_promoted_files (file_name, extract_date, sha256, counts, workflow_id, run_id)
VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)
