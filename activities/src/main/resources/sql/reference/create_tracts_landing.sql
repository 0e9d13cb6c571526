-- The tract rows of one load as text, with the CSV line each came from, so a bad geometry can be
-- reported by line. The columns are the tracts table's own (LIKE), so the two cannot drift apart,
-- except that the geometry lands as its WKT text: insert_tracts.sql converts it row by row.
-- Dropped at commit.
CREATE TEMP TABLE landing_tracts (
    line bigint NOT NULL,
    LIKE tracts,
    wkt  text
) ON COMMIT DROP;
ALTER TABLE landing_tracts DROP COLUMN geom
