-- Writes a backfilled geocode (found, or the geocoder's miss) into the address rows of one natural
-- key, compared null-safely on all six columns (never on indexnumberid alone, lessons #13), that
-- still have no coordinates: a geocode that a promotion committed meanwhile is never overwritten,
-- and a miss never replaces coordinates (docs/processing-rules.md#rule-14). Empty values are bound as NULL. The rows are
-- found through oca_addresses_natural_key_idx: indexnumberid and the hash of the other five
-- columns (V6), then the columns themselves.
-- Bind: the twenty geocoder columns, then indexnumberid, street1, street2, city, state, postalcode.
UPDATE oca_addresses a
SET status = ?, house_number = ?, street_name = ?, borough_code = ?, place_name = ?, sname = ?,
    hnum = ?, boro = ?, lat = ?, bin = ?, bbl = ?, cd = ?, ct = ?, council = ?, grc = ?, grc2 = ?,
    msg = ?, msg2 = ?, lon = ?, zip_code = ?
FROM (SELECT CAST(? AS text) AS indexnumberid, CAST(? AS text) AS street1, CAST(? AS text) AS street2,
             CAST(? AS text) AS city, CAST(? AS text) AS state, CAST(? AS text) AS postalcode) k
WHERE a.indexnumberid = k.indexnumberid
  AND oca_address_key_hash(a.street1, a.street2, a.city, a.state, a.postalcode)
      = oca_address_key_hash(k.street1, k.street2, k.city, k.state, k.postalcode)
  AND a.street1    IS NOT DISTINCT FROM k.street1
  AND a.street2    IS NOT DISTINCT FROM k.street2
  AND a.city       IS NOT DISTINCT FROM k.city
  AND a.state      IS NOT DISTINCT FROM k.state
  AND a.postalcode IS NOT DISTINCT FROM k.postalcode
  AND (a.lat IS NULL OR a.lon IS NULL)
