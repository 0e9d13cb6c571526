-- Records a definitive answer (found, or not found) of a geocoder release for one normalized
-- address. Two workers that geocoded the same address at once keep the first answer. The key is
-- oca_geocode_cache_key_idx (V6), unique on the hash of the address.
INSERT INTO oca_geocode_cache (
    address_key, geocoder, release, found,
    status, house_number, street_name, borough_code, place_name, sname, hnum, boro, lat, bin,
    bbl, cd, ct, council, grc, grc2, msg, msg2, lon, zip_code, geocoded_at)
VALUES (?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
ON CONFLICT ((md5(address_key)::uuid), geocoder, release) DO NOTHING
