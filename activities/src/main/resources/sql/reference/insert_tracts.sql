-- Converts each staged tract's WKT (or EWKT) to a MultiPolygon in WGS 84 and inserts it into tracts.
-- Row by row, each parse in its own exception block, so the first bad geometry is reported with its
-- CSV line and the start of its text (SQLState OC001) and the whole load rolls back. A WKT without
-- an SRID is taken as WGS 84 (EPSG:4326), as published by NYC Open Data and the Census TIGER/Line
-- CSV exports; any other SRID is refused rather than silently mislocated.
DO $$
DECLARE
    r landing_tracts%ROWTYPE;
    g geometry;
BEGIN
    FOR r IN SELECT * FROM landing_tracts ORDER BY line LOOP
        BEGIN
            g := ST_GeomFromEWKT(r.wkt);
        EXCEPTION WHEN others THEN
            RAISE EXCEPTION 'line %: geometry value ''%'' is not WKT (%)', r.line, left(r.wkt, 60), SQLERRM
                USING ERRCODE = 'OC001';
        END;
        IF g IS NULL OR GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
            RAISE EXCEPTION 'line %: geometry value ''%'' is not a POLYGON or MULTIPOLYGON', r.line, left(r.wkt, 60)
                USING ERRCODE = 'OC001';
        END IF;
        IF ST_SRID(g) NOT IN (0, 4326) THEN
            RAISE EXCEPTION 'line %: geometry has SRID %, expected 4326 (WGS 84)', r.line, ST_SRID(g)
                USING ERRCODE = 'OC001';
        END IF;
        INSERT INTO tracts (statefp, countyfp, tractce, geoid, name, namelsad, geom)
        VALUES (r.statefp, r.countyfp, r.tractce, r.geoid, r.name, r.namelsad,
                ST_Multi(ST_SetSRID(g, 4326)));
    END LOOP;
END
$$
