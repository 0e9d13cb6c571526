-- The tract rows of one load as text, with the CSV line each came from, so a bad geometry can be
-- reported by line. Dropped at commit.
CREATE TEMP TABLE landing_tracts (
    line     bigint NOT NULL,
    statefp  text,
    countyfp text,
    tractce  text,
    geoid    text,
    name     text,
    namelsad text,
    wkt      text
) ON COMMIT DROP
