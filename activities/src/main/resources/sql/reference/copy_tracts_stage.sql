-- Streams the tract rows of the release's CSV into the stage table (columns picked by TractsLoader).
COPY stage_tracts (line, statefp, countyfp, tractce, geoid, name, namelsad, wkt) FROM STDIN (FORMAT csv)
