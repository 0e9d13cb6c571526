-- oca_addresses_with_bbl (docs/tables.md#oca_addresses_with_bbl), redefined before every publish in the configured schema
-- (the search path; never public.: a test schema must never re-point production views). CREATE OR REPLACE keeps grants and any view an
-- analyst built on top of it.
--
-- bbl is a privacy rule (docs/processing-rules.md#rule-15): published only for a lot with more than ten
-- residential units; a smaller building would identify its tenants. A lot missing from PLUTO has no
-- unitsres, so its bbl is not published either.
--
-- cd and council: the geocoder's values (Geosupport 1B, the address's own geocode, in 1B's format:
-- cd "107", council two digits), falling back to PLUTO's for the addresses a geocoder without these
-- fields (GeoSearch, Census) left empty (geocoding.md: "join PLUTO on bbl"). PLUTO's council is a
-- plain number ("7"), so it is padded to 1B's two digits.
CREATE OR REPLACE VIEW oca_addresses_with_bbl AS
SELECT a.indexnumberid,
       a.city,
       a.state,
       a.postalcode,
       a.borough_code,
       a.place_name,
       a.boro,
       COALESCE(a.cd, p.cd) AS cd,
       round(p.ct2010, 2) AS ct,
       p.bct2020,
       p.bctcb2020,
       round(p.ct2010, 2) AS ct2010,
       p.cb2010,
       COALESCE(a.council, lpad(p.council, 2, '0')) AS council,
       a.grc,
       a.grc2,
       a.msg,
       a.msg2,
       p.unitsres,
       CASE WHEN p.unitsres > 10 THEN a.bbl END AS bbl
FROM oca_addresses a
LEFT JOIN pluto p ON LEFT(p.bbl, 10) = a.bbl
