-- The cases the benchmark generates rows for (rows/*.sql), one row per case record:
--   n         case number (indexnumberid LT-0000000n)
--   v         a tag in the text columns, so a new version of a case differs from the old one
--   kind      'version' (the case's rows) or 'delete' (a delete record: oca_metadata only)
--   geocoded  whether its address has coordinates (the database's cases do, staged ones do not)
--   d         the extract date: initialdate, updatedate or deletedate
CREATE TEMP TABLE ids (n integer, v text, kind text, geocoded boolean, d date)
