-- Claims the normalized addresses of one geocoder release that no other worker is asking about:
-- a new row, or the row of an expired claim (its worker died) or of an earlier claim of this
-- owner. Returns the addresses claimed; a claim another worker holds is left alone. Rows are
-- inserted in address order, so two workers claiming overlapping sets at once lock the rows in
-- the same order and never deadlock. Binds: geocoder, release, owner, claim duration (ms), keys.
INSERT INTO oca_geocode_claims AS c (address_key, geocoder, release, owner, expires_at)
SELECT k.address_key, ?, ?, ?, now() + ? * interval '1 millisecond'
FROM unnest(?::text[]) AS k(address_key)
ORDER BY k.address_key
ON CONFLICT (address_key, geocoder, release) DO UPDATE
SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
WHERE c.expires_at < now() OR c.owner = EXCLUDED.owner
RETURNING c.address_key
