-- Claims on geocode lookups in flight (docs/geocoding.md, "Each address asked once"): a worker
-- about to ask a service about a normalized address it did not find in oca_geocode_cache first
-- claims it here; another worker that wants the same address meanwhile waits for the answer to
-- appear in the cache instead of asking too. A claim is deleted when its lookup ends (answered or
-- not) and is renewed while the lookup runs, so the claim of a worker that died expires at
-- expires_at and another worker then asks. Same key as oca_geocode_cache.
--
-- address_key holds street addresses: the table is private, like oca_geocode_cache (docs/processing-rules.md#rule-15).
-- No column defaults (as in every oca table): claim.sql sets expires_at.
CREATE TABLE oca_geocode_claims (
    address_key  text        NOT NULL,
    geocoder     text        NOT NULL,
    release      text        NOT NULL,
    owner        text        NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (address_key, geocoder, release)
);
