-- The published data date: the latest extract date ever promoted. Replaying an old file never
-- moves it backwards. NULL when nothing was promoted yet.
SELECT max(extract_date) FROM oca_promoted_files
