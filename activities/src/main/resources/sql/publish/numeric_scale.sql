-- The largest scale (digits after the point) and magnitude of one numeric column of a published
-- relation, read in the snapshot: the Parquet DECIMAL must hold every value exactly.
SELECT coalesce(max(scale({{column}})), 0), coalesce(max(abs({{column}})), 0) FROM {{relation}}
