-- Cached answers of one geocoder release for a batch of normalized addresses (processing-rules.md
-- rule 14: each address is geocoded once per geocoder and release). Served by
-- oca_geocode_cache_key_idx (V6: the hash of the address, the geocoder, the release); the address
-- itself is compared too, so a hash collision never answers for another address.
-- Bind: geocoder, release, the addresses (text[]).
SELECT address_key, found,
       status, house_number, street_name, borough_code, place_name, sname, hnum, boro, lat, bin,
       bbl, cd, ct, council, grc, grc2, msg, msg2, lon, zip_code
FROM oca_geocode_cache
WHERE geocoder = ?
  AND release = ?
  AND (md5(address_key)::uuid, address_key) IN (SELECT md5(k)::uuid, k
                                                 FROM unnest(CAST(? AS text[])) AS k)
