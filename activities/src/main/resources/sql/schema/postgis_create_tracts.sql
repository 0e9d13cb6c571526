-- Census tract boundaries (docs/tables.md#reference-tables), loaded by `oca load-tracts` from WKT; polygons are stored
-- as MultiPolygon in WGS 84 so one column type fits every tract. Joined to oca_addresses.geom by
-- the oca_addresses_with_ct view (ST_Intersects, served by the GIST index).
CREATE TABLE IF NOT EXISTS tracts (
    statefp  text,
    countyfp text,
    tractce  text,
    geoid    text,
    name     text,
    namelsad text,
    geom     geometry(MultiPolygon, 4326)
);
CREATE INDEX IF NOT EXISTS tracts_geom_idx ON tracts USING gist (geom);
