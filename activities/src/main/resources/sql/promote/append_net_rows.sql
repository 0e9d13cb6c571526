-- Appends one file's staged rows of one table to the net change set.
-- Bind: the file's position in request order.
INSERT INTO {{net_table}} (file_pos, {{columns}})
SELECT CAST(? AS integer), {{columns}}
FROM {{stage_table}}
