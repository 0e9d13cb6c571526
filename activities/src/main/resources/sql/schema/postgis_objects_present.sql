-- Which PostGIS objects the current schema (first on the search path) already has: the geom
-- column of oca_addresses and the tracts table. Checked first so that a start with everything in
-- place takes no lock on oca_addresses (ALTER TABLE would, even with IF NOT EXISTS).
SELECT EXISTS (SELECT 1 FROM pg_attribute
               WHERE attrelid = to_regclass('oca_addresses') AND attname = 'geom' AND NOT attisdropped)
           AS has_geom,
       to_regclass('tracts') IS NOT NULL AS has_tracts
