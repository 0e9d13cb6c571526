-- When a file was last promoted, for the worker's staleness gauge at start (so a restart does not
-- reset it). NULL when nothing was promoted yet.
SELECT max(promoted_at) FROM oca_promoted_files
