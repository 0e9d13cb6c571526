-- RDS (--pg-s3-import): the database reads one staged CSV from S3 into its landing table, with the
-- RDS instance's IAM role. Parameters: landing table name, quoted column list, then bucket, object
-- key and region for aws_commons.create_s3_uri. The COPY options are those of
-- copy_landing_table.sql: HEADER MATCH checks the header names these columns in this order.
-- Returns a text such as '12 rows imported into relation ... from file ... of 345 bytes'.
SELECT aws_s3.table_import_from_s3(
    ?, ?, '(FORMAT csv, HEADER MATCH)',
    aws_commons.create_s3_uri(?, ?, ?))
