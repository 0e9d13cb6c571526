-- Distinct ids of the file whose winning version is staged, and ids with a delete record (docs/processing-rules.md#rule-6).
SELECT count(*) FILTER (WHERE kind = 'staged')  AS staged,
       count(*) FILTER (WHERE kind = 'deleted') AS deleted
FROM final_cases;
