-- The net change set's copy of one target table: every staged row of every file of the promotion,
-- tagged with the file's position in rule-1 request order (docs/processing-rules.md#rule-1). Filled
-- from the landing table after each file's contract check; dropped at commit.
CREATE TEMP TABLE {{net_table}} (file_pos integer NOT NULL, LIKE {{table}}) ON COMMIT DROP
