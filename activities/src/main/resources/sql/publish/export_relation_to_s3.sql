-- RDS (--pg-s3-import): the database writes one published snapshot file to S3 itself, with the
-- RDS instance's IAM role (the function takes no credentials). Parameters: the rows query
-- (relation_rows.sql, run in this session's snapshot), then bucket, object key and region for
-- aws_commons.create_s3_uri. The options are those of copy_relation.sql, so the bytes are the same.
-- More than one file uploaded means the object passed 6 GB and was split into _partN objects.
SELECT rows_uploaded, files_uploaded
FROM aws_s3.query_export_to_s3(?, aws_commons.create_s3_uri(?, ?, ?), 'format csv, header true')
