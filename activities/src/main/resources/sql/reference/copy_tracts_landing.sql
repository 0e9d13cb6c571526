-- Streams the tract rows of the release's CSV into the landing table (columns picked by TractsLoader).
COPY landing_tracts (line, statefp, countyfp, tractce, geoid, name, namelsad, wkt) FROM STDIN (FORMAT csv)
