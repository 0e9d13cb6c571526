-- Writes a backfilled geocode (found, or the geocoder's miss) into the address rows of one natural
-- key, compared null-safely on all six columns (never on indexnumberid alone: one case may have several addresses), that
-- still have no coordinates: a geocode that a promotion committed meanwhile is never overwritten,
-- and a miss never replaces coordinates (docs/processing-rules.md#rule-14). Empty values are bound as NULL.
UPDATE oca_addresses
SET status = ?, house_number = ?, street_name = ?, borough_code = ?, place_name = ?, sname = ?,
    hnum = ?, boro = ?, lat = ?, bin = ?, bbl = ?, cd = ?, ct = ?, council = ?, grc = ?, grc2 = ?,
    msg = ?, msg2 = ?, lon = ?, zip_code = ?
WHERE indexnumberid = ?
  AND street1    IS NOT DISTINCT FROM ?
  AND street2    IS NOT DISTINCT FROM ?
  AND city       IS NOT DISTINCT FROM ?
  AND state      IS NOT DISTINCT FROM ?
  AND postalcode IS NOT DISTINCT FROM ?
  AND (lat IS NULL OR lon IS NULL)
