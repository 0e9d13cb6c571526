-- docs/processing-rules.md#rule-4 for oca_addresses, with docs/processing-rules.md#rule-14: geocoding never destroys information.
-- The winning version's address rows are inserted. A row without coordinates (not geocoded yet, or
-- the geocoder failed) keeps the geocode of a previous row of the same case and the same natural
-- key (indexnumberid, street1, street2, city, state, postalcode; compared null-safely) that had
-- coordinates: all twenty geocoder columns come from that row, so status and messages stay
-- consistent with the coordinates.
--
-- "Previous" is what applying the files one at a time would have left just before the winning
-- file: the rows of the versions the set applied earlier, each having inherited in turn. Walking
-- back from the winner through the applied versions, a version whose rows of the address all lack
-- coordinates (or that has none) passes on what it inherited; the walk stops at the latest
-- applied version without such a row (chain.start_pos: its rows with coordinates still count),
-- and only when no version stops it does it reach the database's rows (previous_address).
-- Of the candidates with coordinates the first by (lat, lon, bbl, bin, status) wins, the order
-- the one-file-at-a-time path used, so duplicates are reduced deterministically.
-- Both lookups are per key through the (indexnumberid, file_pos) indexes, and only for rows
-- without coordinates (the condition on s alone is a one-time filter of each subquery).
INSERT INTO oca_addresses (
    indexnumberid, street1, street2, city, state, postalcode,
    status, house_number, street_name, borough_code, place_name, sname, hnum, boro, lat, bin,
    bbl, cd, ct, council, grc, grc2, msg, msg2, lon, zip_code)
SELECT s.indexnumberid, s.street1, s.street2, s.city, s.state, s.postalcode,
       CASE WHEN p.lat IS NULL THEN s.status       ELSE p.status       END,
       CASE WHEN p.lat IS NULL THEN s.house_number ELSE p.house_number END,
       CASE WHEN p.lat IS NULL THEN s.street_name  ELSE p.street_name  END,
       CASE WHEN p.lat IS NULL THEN s.borough_code ELSE p.borough_code END,
       CASE WHEN p.lat IS NULL THEN s.place_name   ELSE p.place_name   END,
       CASE WHEN p.lat IS NULL THEN s.sname        ELSE p.sname        END,
       CASE WHEN p.lat IS NULL THEN s.hnum         ELSE p.hnum         END,
       CASE WHEN p.lat IS NULL THEN s.boro         ELSE p.boro         END,
       CASE WHEN p.lat IS NULL THEN s.lat          ELSE p.lat          END,
       CASE WHEN p.lat IS NULL THEN s.bin          ELSE p.bin          END,
       CASE WHEN p.lat IS NULL THEN s.bbl          ELSE p.bbl          END,
       CASE WHEN p.lat IS NULL THEN s.cd           ELSE p.cd           END,
       CASE WHEN p.lat IS NULL THEN s.ct           ELSE p.ct           END,
       CASE WHEN p.lat IS NULL THEN s.council      ELSE p.council      END,
       CASE WHEN p.lat IS NULL THEN s.grc          ELSE p.grc          END,
       CASE WHEN p.lat IS NULL THEN s.grc2         ELSE p.grc2         END,
       CASE WHEN p.lat IS NULL THEN s.msg          ELSE p.msg          END,
       CASE WHEN p.lat IS NULL THEN s.msg2         ELSE p.msg2         END,
       CASE WHEN p.lat IS NULL THEN s.lon          ELSE p.lon          END,
       CASE WHEN p.lat IS NULL THEN s.zip_code     ELSE p.zip_code     END
FROM net_oca_addresses s
JOIN net_decision d ON d.indexnumberid = s.indexnumberid AND d.winner_pos = s.file_pos
LEFT JOIN LATERAL (
    SELECT max(c.file_pos) AS start_pos
    FROM net_case c
    WHERE (s.lat IS NULL OR s.lon IS NULL)
      AND c.indexnumberid = s.indexnumberid
      AND c.file_pos < s.file_pos
      AND c.decision = 'apply'
      AND NOT EXISTS (SELECT 1
                      FROM net_oca_addresses z
                      WHERE z.indexnumberid = c.indexnumberid
                        AND z.file_pos = c.file_pos
                        AND (z.lat IS NULL OR z.lon IS NULL)
                        AND z.street1    IS NOT DISTINCT FROM s.street1
                        AND z.street2    IS NOT DISTINCT FROM s.street2
                        AND z.city       IS NOT DISTINCT FROM s.city
                        AND z.state      IS NOT DISTINCT FROM s.state
                        AND z.postalcode IS NOT DISTINCT FROM s.postalcode)
) chain ON true
LEFT JOIN LATERAL (
    SELECT candidate.*
    FROM (
        SELECT x.status, x.house_number, x.street_name, x.borough_code, x.place_name, x.sname, x.hnum, x.boro,
               x.lat, x.bin, x.bbl, x.cd, x.ct, x.council, x.grc, x.grc2, x.msg, x.msg2, x.lon, x.zip_code
        FROM net_oca_addresses x
        JOIN net_case c ON c.indexnumberid = x.indexnumberid
                       AND c.file_pos = x.file_pos
                       AND c.decision = 'apply'
        WHERE (s.lat IS NULL OR s.lon IS NULL)
          AND x.indexnumberid = s.indexnumberid
          AND x.file_pos < s.file_pos
          AND x.file_pos >= coalesce(chain.start_pos, 0)
          AND x.lat IS NOT NULL
          AND x.lon IS NOT NULL
          AND x.street1    IS NOT DISTINCT FROM s.street1
          AND x.street2    IS NOT DISTINCT FROM s.street2
          AND x.city       IS NOT DISTINCT FROM s.city
          AND x.state      IS NOT DISTINCT FROM s.state
          AND x.postalcode IS NOT DISTINCT FROM s.postalcode
        UNION ALL
        SELECT y.status, y.house_number, y.street_name, y.borough_code, y.place_name, y.sname, y.hnum, y.boro,
               y.lat, y.bin, y.bbl, y.cd, y.ct, y.council, y.grc, y.grc2, y.msg, y.msg2, y.lon, y.zip_code
        FROM previous_address y
        WHERE (s.lat IS NULL OR s.lon IS NULL)
          AND chain.start_pos IS NULL
          AND y.indexnumberid = s.indexnumberid
          AND y.street1    IS NOT DISTINCT FROM s.street1
          AND y.street2    IS NOT DISTINCT FROM s.street2
          AND y.city       IS NOT DISTINCT FROM s.city
          AND y.state      IS NOT DISTINCT FROM s.state
          AND y.postalcode IS NOT DISTINCT FROM s.postalcode
    ) candidate
    ORDER BY candidate.lat, candidate.lon, candidate.bbl, candidate.bin, candidate.status
    LIMIT 1
) p ON true
