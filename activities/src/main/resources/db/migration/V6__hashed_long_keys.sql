-- Indexes that no accepted value can overflow (docs/processing-rules.md#rule-8: a single case never fails the promotion).
--
-- A b-tree entry holds at most 2704 bytes (a third of a page), and a column value is indexed whole.
-- Every text value is bounded when it is converted (docs/column-limits.md): indexnumberid at 256
-- characters, at most 1 KB of UTF-8, fits any index. But the address natural key is six columns of
-- up to 1024 characters each (4 bytes a character at most), and the geocode cache key is built from
-- them: such keys are indexed here through an MD5 hash of their text instead. Every query that uses
-- them compares the hash (index condition) and then the columns themselves, so a collision of two
-- hashes costs a row read, never a wrong match.
--
-- Rebuilding the two indexes reads the tables once (a few seconds per million address rows).

-- The address natural key (street1, street2, city, state, postalcode), null-safe: quote_nullable
-- writes NULL as the bare word NULL and any text as a quoted literal, so NULL, '' and 'NULL' hash
-- apart and the comma between literals cannot be forged by a value. Inlined by the planner (a
-- single-SELECT, IMMUTABLE SQL function), in the index expression and in the queries alike.
CREATE FUNCTION oca_address_key_hash(street1 text, street2 text, city text, state text, postalcode text)
    RETURNS uuid
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT md5(quote_nullable(street1) || ',' || quote_nullable(street2) || ',' || quote_nullable(city)
               || ',' || quote_nullable(state) || ',' || quote_nullable(postalcode))::uuid
$$;

-- Replaces V1's (indexnumberid, street1, street2, city, state, postalcode): same name, same use
-- (backfill_update.sql finds the rows of one natural key through it).
DROP INDEX oca_addresses_natural_key_idx;
CREATE INDEX oca_addresses_natural_key_idx
    ON oca_addresses (indexnumberid, oca_address_key_hash(street1, street2, city, state, postalcode));

-- The geocode cache keeps one answer per normalized address, geocoder and release. The key is
-- unique through the hash of the address; cache_store.sql's ON CONFLICT names this index's
-- expression, cache_lookup.sql compares the hash and then the address itself. Two addresses whose
-- hashes collide keep the first one's answer only: the second is geocoded again each time, never
-- answered with the first one's coordinates.
ALTER TABLE oca_geocode_cache DROP CONSTRAINT oca_geocode_cache_pkey;
CREATE UNIQUE INDEX oca_geocode_cache_key_idx
    ON oca_geocode_cache ((md5(address_key)::uuid), geocoder, release);
