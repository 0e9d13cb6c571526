-- docs/processing-rules.md#rule-4: a replaced case gets exactly the rows of its winning version in one child table (its
-- old rows are gone). A section missing from the version simply has no rows. Explicit column list:
-- columns added later (e.g. oca_addresses.geom) are not part of the staged CSV.
INSERT INTO {{table}} ({{columns}})
SELECT {{columns}}
FROM {{net_table}} s
WHERE EXISTS (SELECT 1 FROM net_decision d
               WHERE d.indexnumberid = s.indexnumberid AND d.winner_pos = s.file_pos)
