-- The geocode cache (processing-rules.md rule 14, geocoding.md §8): one row per normalized address,
-- geocoder and data release, holding the twenty geocoder columns of oca_addresses as that geocoder
-- answered them. Each distinct address is sent to a metered service once; a retry, a replay, the
-- next weekly file and the backfill read it from here. "found" is false for a definitive miss
-- (a Geosupport reject, a Census No_Match); transport failures are never cached.
--
-- address_key is the normalized address of org.ocaetl.geocode.AddressPreparer:
-- house number|street (abbreviated)|borough code|ZIP|city|state (city and state only outside NYC).
-- It holds street addresses: the table is private, like oca_addresses.street1 (rule 15).
-- Created in the configured schema (Flyway's search_path), like every oca table. No column defaults
-- (as in every oca table): cache_store.sql sets geocoded_at.
CREATE TABLE oca_geocode_cache (
    address_key  text             NOT NULL,
    geocoder     text             NOT NULL,
    release      text             NOT NULL,
    found        boolean          NOT NULL,
    status       text,
    house_number text,
    street_name  text,
    borough_code text,
    place_name   text,
    sname        text,
    hnum         text,
    boro         text,
    lat          double precision,
    bin          text,
    bbl          text,
    cd           text,
    ct           text,
    council      text,
    grc          text,
    grc2         text,
    msg          text,
    msg2         text,
    lon          double precision,
    zip_code     text,
    geocoded_at  timestamptz      NOT NULL,
    PRIMARY KEY (address_key, geocoder, release)
);
