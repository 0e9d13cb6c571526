-- A transaction-local copy of one target table's shape that receives a staged CSV. LIKE without
-- INCLUDING DEFAULTS: no sequence or default can leak into staging (lessons #9).
CREATE TEMP TABLE {{stage_table}} (LIKE {{table}}) ON COMMIT DROP
