-- Rows in one landing table as this transaction sees it: checks that the loader's rows landed here.
SELECT count(*) FROM {{landing_table}}
