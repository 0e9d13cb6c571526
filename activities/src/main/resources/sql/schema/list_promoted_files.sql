-- Every promoted file (the ledger holds one row per raw file: a few hundred rows, ever).
SELECT file_name, extract_date, sha256, promoted_at, workflow_id, run_id
FROM oca_promoted_files
ORDER BY extract_date, file_name
