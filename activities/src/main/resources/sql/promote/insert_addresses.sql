-- docs/processing-rules.md#rule-4 for oca_addresses, with docs/processing-rules.md#rule-14: geocoding never destroys information. When a staged
-- address row has no coordinates (not geocoded yet, or the geocoder failed) and the case had a row
-- with the same natural key (indexnumberid, street1, street2, city, state, postalcode; compared
-- null-safely) that had coordinates, the row keeps that previous geocode: all twenty geocoder
-- columns come from the previous row, so status and messages stay consistent with the coordinates.
-- Duplicate previous rows of one address are reduced to one, deterministically.
INSERT INTO oca_addresses (
    indexnumberid, street1, street2, city, state, postalcode,
    status, house_number, street_name, borough_code, place_name, sname, hnum, boro, lat, bin,
    bbl, cd, ct, council, grc, grc2, msg, msg2, lon, zip_code)
SELECT s.indexnumberid, s.street1, s.street2, s.city, s.state, s.postalcode,
       CASE WHEN p.indexnumberid IS NULL THEN s.status       ELSE p.status       END,
       CASE WHEN p.indexnumberid IS NULL THEN s.house_number ELSE p.house_number END,
       CASE WHEN p.indexnumberid IS NULL THEN s.street_name  ELSE p.street_name  END,
       CASE WHEN p.indexnumberid IS NULL THEN s.borough_code ELSE p.borough_code END,
       CASE WHEN p.indexnumberid IS NULL THEN s.place_name   ELSE p.place_name   END,
       CASE WHEN p.indexnumberid IS NULL THEN s.sname        ELSE p.sname        END,
       CASE WHEN p.indexnumberid IS NULL THEN s.hnum         ELSE p.hnum         END,
       CASE WHEN p.indexnumberid IS NULL THEN s.boro         ELSE p.boro         END,
       CASE WHEN p.indexnumberid IS NULL THEN s.lat          ELSE p.lat          END,
       CASE WHEN p.indexnumberid IS NULL THEN s.bin          ELSE p.bin          END,
       CASE WHEN p.indexnumberid IS NULL THEN s.bbl          ELSE p.bbl          END,
       CASE WHEN p.indexnumberid IS NULL THEN s.cd           ELSE p.cd           END,
       CASE WHEN p.indexnumberid IS NULL THEN s.ct           ELSE p.ct           END,
       CASE WHEN p.indexnumberid IS NULL THEN s.council      ELSE p.council      END,
       CASE WHEN p.indexnumberid IS NULL THEN s.grc          ELSE p.grc          END,
       CASE WHEN p.indexnumberid IS NULL THEN s.grc2         ELSE p.grc2         END,
       CASE WHEN p.indexnumberid IS NULL THEN s.msg          ELSE p.msg          END,
       CASE WHEN p.indexnumberid IS NULL THEN s.msg2         ELSE p.msg2         END,
       CASE WHEN p.indexnumberid IS NULL THEN s.lon          ELSE p.lon          END,
       CASE WHEN p.indexnumberid IS NULL THEN s.zip_code     ELSE p.zip_code     END
FROM stage_oca_addresses s
LEFT JOIN (
    SELECT DISTINCT ON (indexnumberid, street1, street2, city, state, postalcode) *
    FROM stage_previous_address
    ORDER BY indexnumberid, street1, street2, city, state, postalcode, lat, lon, bbl, bin, status
) p ON p.indexnumberid = s.indexnumberid
   AND p.street1    IS NOT DISTINCT FROM s.street1
   AND p.street2    IS NOT DISTINCT FROM s.street2
   AND p.city       IS NOT DISTINCT FROM s.city
   AND p.state      IS NOT DISTINCT FROM s.state
   AND p.postalcode IS NOT DISTINCT FROM s.postalcode
   AND (s.lat IS NULL OR s.lon IS NULL)
WHERE EXISTS (SELECT 1 FROM stage_case_decision d
               WHERE d.indexnumberid = s.indexnumberid AND d.decision = 'apply')
