-- Cached answers of one geocoder release for a batch of normalized addresses (docs/processing-rules.md#rule-14:
-- each address is geocoded once per geocoder and release). One probe of
-- oca_geocode_cache_key_idx (V6: the hash of the address, the geocoder, the release) per address;
-- the address itself is compared too, so a hash collision never answers for another address.
-- The LIMIT 1 (the unique index finds at most one row anyway) keeps the lateral subquery from being
-- flattened into a join, which without statistics (a cache still filling) the planner ran as a
-- nested loop over the whole table per batch (measured: seconds per batch of 2,000 against 50,000
-- cached addresses, instead of 12 ms).
-- Bind: geocoder, release, the addresses (text[]).
SELECT c.address_key, c.found,
       c.status, c.house_number, c.street_name, c.borough_code, c.place_name, c.sname, c.hnum,
       c.boro, c.lat, c.bin, c.bbl, c.cd, c.ct, c.council, c.grc, c.grc2, c.msg, c.msg2, c.lon,
       c.zip_code
FROM (SELECT CAST(? AS text) AS geocoder, CAST(? AS text) AS release) AS p
CROSS JOIN unnest(CAST(? AS text[])) AS k(address_key)
CROSS JOIN LATERAL (
    SELECT *
    FROM oca_geocode_cache AS x
    WHERE md5(x.address_key)::uuid = md5(k.address_key)::uuid
      AND x.geocoder = p.geocoder
      AND x.release = p.release
      AND x.address_key = k.address_key
    LIMIT 1
) AS c
