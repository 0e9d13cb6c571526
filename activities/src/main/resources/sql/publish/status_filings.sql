-- The status page's filing trends (public/index.html): cases filed per week, borough and calendar
-- month between two dates (bound: first day, last day), with how many of them reached a judgment and
-- an issued warrant. A week that spans two months gives two rows; the page adds them up by week and
-- by month.
--
-- Read from the base tables, not from oca_case_summary: over the view PostgreSQL aggregates the
-- addresses (with PLUTO), judgments and warrants of every case in the database before it joins the
-- few filed in the window (docs/benchmarks.md#status-trends). Here oca_index is read once and each
-- case in the window looks up only its own rows by index. borough, judgments > 0 and warrant_issued
-- are the view's definitions, repeated because a released migration (V8) is never edited;
-- CaseSummaryViewTest checks that both count alike.
SELECT date_trunc('week', i.fileddate)::date AS filed_week,
       date_trunc('month', i.fileddate)::date AS filed_month,
       coalesce(CASE
                    WHEN i.court ILIKE 'New York County%' THEN 'MANHATTAN'
                    WHEN i.court ILIKE 'Bronx County%' THEN 'BRONX'
                    WHEN i.court ILIKE 'Kings County%' THEN 'BROOKLYN'
                    WHEN i.court ILIKE 'Queens County%' THEN 'QUEENS'
                    WHEN i.court ILIKE 'Richmond County%' THEN 'STATEN ISLAND'
                END,
                (SELECT min(CASE upper(a.boro)
                                WHEN 'STATEN IS' THEN 'STATEN ISLAND'
                                WHEN 'MANHATTAN' THEN 'MANHATTAN'
                                WHEN 'BRONX' THEN 'BRONX'
                                WHEN 'BROOKLYN' THEN 'BROOKLYN'
                                WHEN 'QUEENS' THEN 'QUEENS'
                                WHEN 'STATEN ISLAND' THEN 'STATEN ISLAND'
                            END)
                 FROM oca_addresses a
                 WHERE a.indexnumberid = i.indexnumberid)) AS borough,
       count(*) AS cases,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM oca_judgments j WHERE j.indexnumberid = i.indexnumberid))
           AS judged,
       count(*) FILTER (WHERE EXISTS (SELECT 1
                                      FROM oca_warrants w
                                      WHERE w.indexnumberid = i.indexnumberid
                                        AND w.issueddate IS NOT NULL)) AS warranted
FROM oca_index i
WHERE i.fileddate BETWEEN ? AND ?
  AND NOT EXISTS (SELECT 1
                  FROM oca_metadata m
                  WHERE m.indexnumberid = i.indexnumberid
                    AND m.deletedate IS NOT NULL)
GROUP BY filed_week, filed_month, borough
