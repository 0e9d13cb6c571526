-- Session objects of one export (TEMP: nothing is written into the staging file).

-- A PostgreSQL text[] literal from a DuckDB VARCHAR[] (rule 11; predecessor lessons #10): every
-- element double-quoted with \ and " backslash-escaped, a NULL element as unquoted NULL. An empty
-- or NULL list is NULL, never {}. The CSV writer then quotes the whole literal as one field.
CREATE OR REPLACE TEMP MACRO pg_text_array(l) AS
  CASE
    WHEN l IS NULL OR len(l) = 0 THEN NULL
    ELSE '{' || array_to_string(
                  list_transform(l, lambda x:
                    CASE WHEN x IS NULL THEN 'NULL'
                         ELSE '"' || replace(replace(x, '\', '\\'), '"', '\"') || '"'
                    END),
                  ',') || '}'
  END;

-- The case versions whose rows are exported: those whose last occurrence in the file is staged.
CREATE OR REPLACE TEMP TABLE live_cases AS
SELECT case_seq FROM final_cases WHERE kind = 'staged';
