-- Extends the claims this owner still holds while its lookup runs. Rows are locked in address
-- order first (as claim.sql inserts them), so a renewal never deadlocks with another worker taking
-- over a claim that expired. Binds: geocoder, release, owner, keys, claim duration (ms).
WITH mine AS (
    SELECT address_key, geocoder, release
    FROM oca_geocode_claims
    WHERE geocoder = ? AND release = ? AND owner = ? AND address_key = ANY (?)
    ORDER BY address_key
    FOR UPDATE)
UPDATE oca_geocode_claims c
SET expires_at = now() + ? * interval '1 millisecond'
FROM mine
WHERE (c.address_key, c.geocoder, c.release) = (mine.address_key, mine.geocoder, mine.release)
