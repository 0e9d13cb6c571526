-- Every failed case of the file, in document order (streamed into report.json).
SELECT case_seq, caseid, element, value, reason
FROM case_failures
ORDER BY case_seq;
