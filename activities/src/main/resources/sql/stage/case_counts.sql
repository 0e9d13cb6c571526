-- Distinct ids whose last occurrence in the file is a staged version, and a delete record.
SELECT count(*) FILTER (WHERE kind = 'staged')  AS staged,
       count(*) FILTER (WHERE kind = 'deleted') AS deleted
FROM final_cases;
