-- Rows in one landing table as this transaction sees it: checks that an aws_s3 import landed here.
SELECT count(*) FROM {{landing_table}}
