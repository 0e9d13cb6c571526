-- Session objects of one export (TEMP: nothing is written into the staging file).

-- The case versions whose rows are exported: those whose last occurrence in the file is staged,
-- with their IndexNumberId (the staged rows carry only case_seq).
CREATE OR REPLACE TEMP TABLE live_cases AS
SELECT case_seq, indexnumberid FROM final_cases WHERE kind = 'staged';
