-- The ledger row of the Initial file the generated cases stand for, as if it had been promoted.
INSERT INTO oca_promoted_files (file_name, extract_date, sha256, counts, workflow_id, run_id)
VALUES (?, ?, ?, '{}', 'bench', 'bench')
