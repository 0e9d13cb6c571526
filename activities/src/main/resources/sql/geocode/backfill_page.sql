-- One page of the geocode backfill: the address rows without coordinates of the next cases (at
-- most ? of them, in indexnumberid order after ?). Whole cases only, so the last id of a page is
-- the cursor of the next. "= ANY (ARRAY(subquery))" makes the planner probe
-- oca_addresses_indexnumberid_idx for the page's ids instead of scanning the table.
SELECT a.indexnumberid, a.street1, a.street2, a.city, a.state, a.postalcode
FROM oca_addresses a
WHERE a.indexnumberid = ANY (ARRAY(SELECT DISTINCT n.indexnumberid
                                   FROM oca_addresses n
                                   WHERE n.indexnumberid > ?
                                     AND (n.lat IS NULL OR n.lon IS NULL)
                                   ORDER BY n.indexnumberid
                                   LIMIT ?))
  AND (a.lat IS NULL OR a.lon IS NULL)
ORDER BY a.indexnumberid
