-- Reference data loaded by `oca load-pluto` (tables.md §4), and the record of every reference
-- release loaded (lessons #23: the predecessor loaded PLUTO and tracts by hand and nobody could
-- tell which release was in the database). The tracts table needs PostGIS and is created outside
-- Flyway, by sql/promote/postgis_objects.sql, where the extension is available.

-- The PLUTO columns the level-2 views use. bbl is PLUTO's numeric BBL rounded to an integer and
-- kept as text (round(bbl::numeric, 0)::text), so it compares with oca_addresses.bbl. Untyped
-- PLUTO codes stay text, as PLUTO publishes them.
CREATE TABLE pluto (
    bbl       text,
    unitsres  int4,
    bct2020   text,
    bctcb2020 text,
    ct2010    numeric(10, 2),
    cb2010    text,
    cd        text,
    council   text
);
CREATE INDEX pluto_bbl_idx ON pluto (bbl);

-- One row per load: what was loaded, from which file, and its checksum. The newest row of a table
-- describes its current contents (each load replaces the table in the same transaction).
CREATE TABLE oca_reference_releases (
    table_name text        NOT NULL,
    release    text        NOT NULL,
    file_name  text        NOT NULL,
    sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    row_count  bigint      NOT NULL,
    loaded_at  timestamptz NOT NULL,
    PRIMARY KEY (table_name, loaded_at)
);
