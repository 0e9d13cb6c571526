-- As import_landing_table_from_s3.sql, signing with configured keys instead of the RDS instance's
-- IAM role. The last three parameters are access key id, secret access key and session token
-- (may be NULL): always bound, never spliced, so they appear in no SQL text or log line.
SELECT aws_s3.table_import_from_s3(
    ?, ?, '(FORMAT csv, HEADER MATCH)',
    aws_commons.create_s3_uri(?, ?, ?),
    aws_commons.create_aws_credentials(?, ?, ?))
