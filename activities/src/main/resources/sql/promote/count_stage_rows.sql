-- Rows in one stage table as this transaction sees it: checks that an aws_s3 import landed here.
SELECT count(*) FROM {{stage_table}}
