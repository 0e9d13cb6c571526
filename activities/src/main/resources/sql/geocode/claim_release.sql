-- Ends the claims this owner holds (its lookup answered, failed or was cancelled), locking the rows
-- in address order as claim.sql does. Binds: geocoder, release, owner, keys.
WITH mine AS (
    SELECT address_key, geocoder, release
    FROM oca_geocode_claims
    WHERE geocoder = ? AND release = ? AND owner = ? AND address_key = ANY (?)
    ORDER BY address_key
    FOR UPDATE)
DELETE FROM oca_geocode_claims c
USING mine
WHERE (c.address_key, c.geocoder, c.release) = (mine.address_key, mine.geocoder, mine.release)
