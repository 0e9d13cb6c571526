-- docs/processing-rules.md#rule-4: an applied case gets exactly its staged rows in one child table (its old rows are gone).
-- A section missing from the case version simply has no staged rows. Explicit column list: columns
-- added later (e.g. oca_addresses.geom) are not part of the staged CSV.
INSERT INTO {{table}} ({{columns}})
SELECT {{columns}}
FROM {{stage_table}} s
WHERE EXISTS (SELECT 1 FROM stage_case_decision d
               WHERE d.indexnumberid = s.indexnumberid AND d.decision = 'apply')
