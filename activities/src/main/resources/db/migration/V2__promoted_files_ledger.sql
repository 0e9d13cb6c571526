-- The exactly-once ledger (processing-rules.md rule 2): one row per promoted raw file, written in the
-- same transaction as the file's data. A file name seen again with the same checksum is skipped; with
-- another checksum the promotion is refused. Business state, not a log: it outlives Temporal's history
-- retention, and its latest extract_date is the published data date (lessons #17).
CREATE TABLE oca_promoted_files (
    file_name    text PRIMARY KEY,
    extract_date date NOT NULL,
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- What the promotion did: cases applied/skipped/tombstoned/deleted and rows per table.
    counts       jsonb NOT NULL,
    promoted_at  timestamptz NOT NULL DEFAULT now(),
    workflow_id  text,
    run_id       text
);
