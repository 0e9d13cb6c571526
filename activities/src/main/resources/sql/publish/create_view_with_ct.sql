-- oca_addresses_with_ct (docs/tables.md#oca_addresses_with_ct): the census tract of each geocoded address, found by
-- intersecting its point with the tract polygons (GIST indexes on both). Only where the schema uses
-- PostGIS (PostgisSchema); created in the configured schema like every view. The point itself is
-- not published (docs/processing-rules.md#rule-15), only the tract.
CREATE OR REPLACE VIEW oca_addresses_with_ct AS
SELECT o.indexnumberid,
       t.geoid,
       t.countyfp,
       o.city,
       o.state,
       o.postalcode
FROM oca_addresses o
LEFT JOIN tracts t ON ST_Intersects(o.geom, t.geom)
