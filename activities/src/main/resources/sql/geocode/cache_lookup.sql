-- Cached answers of one geocoder release for a batch of normalized addresses (processing-rules.md
-- docs/processing-rules.md#rule-14: each address is geocoded once per geocoder and release). Served by the primary key.
SELECT address_key, found,
       status, house_number, street_name, borough_code, place_name, sname, hnum, boro, lat, bin,
       bbl, cd, ct, council, grc, grc2, msg, msg2, lon, zip_code
FROM oca_geocode_cache
WHERE geocoder = ?
  AND release = ?
  AND address_key = ANY (?)
