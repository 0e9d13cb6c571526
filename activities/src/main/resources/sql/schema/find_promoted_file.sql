-- The ledger row of one file name, if it was promoted. Bind: file name.
SELECT sha256, extract_date FROM oca_promoted_files WHERE file_name = ?
