-- A transaction-local copy of one target table's shape that receives a staged CSV. LIKE without
-- INCLUDING DEFAULTS: no sequence or default can leak into staging (appearanceid comes from the staged files; a default would change it on every load).
CREATE TEMP TABLE {{landing_table}} (LIKE {{table}}) ON COMMIT DROP
