-- oca_addresses.geom (docs/tables.md#oca_addresses, column 27): the geocoded point, derived from lon/lat. A
-- STORED generated column, so every writer of lat/lon keeps it right without naming it: the
-- promotion's INSERT (insert_addresses.sql, also when docs/processing-rules.md#rule-14 carries an earlier geocode over)
-- and the geocode backfill's UPDATE. ST_MakePoint is strict: NULL when lat or lon is NULL.
-- Adding the column rewrites the table once; later starts find it and skip this file.
ALTER TABLE oca_addresses
    ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326)
    GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED;
CREATE INDEX IF NOT EXISTS oca_addresses_geom_idx ON oca_addresses USING gist (geom);
