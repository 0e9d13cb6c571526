-- Appends one file's staged oca_metadata rows to the net change set.
-- Bind: the file's position in request order.
INSERT INTO net_oca_metadata (file_pos, {{columns}})
SELECT CAST(? AS integer), {{columns}}
FROM landing_oca_metadata
