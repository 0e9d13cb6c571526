-- oca_case_summary (docs/tables.md#oca_case_summary): one row per live case, the questions downstream
-- readers ask most ("how many cases were filed in this ZIP last week, how many reached a warrant?")
-- answered once instead of by joining eleven tables. Published as public/oca_case_summary.csv.
--
-- A view, not a table: exporting it from the publish snapshot takes seconds on a generated history
-- (docs/benchmarks.md#case-summary), so it needs no refresh inside the promotion and can never be stale.
-- Each child table is aggregated once per case (a hash aggregate over the whole table) and joined on
-- indexnumberid, which a full export reads fastest.
--
-- Tombstoned ids (docs/processing-rules.md#rule-6) never appear, even if rows of theirs are still in
-- the tables (loaded before rule 6, before `oca backfill purge-tombstones`).
--
-- bbl follows the privacy rule of oca_addresses_with_bbl (docs/processing-rules.md#rule-15): only for a
-- lot PLUTO lists with more than ten residential units. The view holds no street address.
CREATE VIEW oca_case_summary AS
WITH places AS (
    -- A case nearly always has one address; with several, the smallest value of each column, so
    -- the answer does not depend on row order.
    SELECT a.indexnumberid,
           min(a.postalcode) AS postalcode,
           min(CASE upper(a.boro)
                   WHEN 'STATEN IS' THEN 'STATEN ISLAND'
                   WHEN 'MANHATTAN' THEN 'MANHATTAN'
                   WHEN 'BRONX' THEN 'BRONX'
                   WHEN 'BROOKLYN' THEN 'BROOKLYN'
                   WHEN 'QUEENS' THEN 'QUEENS'
                   WHEN 'STATEN ISLAND' THEN 'STATEN ISLAND'
               END) AS borough,
           min(CASE WHEN p.unitsres > 10 THEN a.bbl END) AS bbl
    FROM oca_addresses a
    LEFT JOIN pluto p ON LEFT(p.bbl, 10) = a.bbl
    GROUP BY a.indexnumberid
),
appearances AS (
    SELECT indexnumberid,
           min(appearancedatetime)::date AS first_appearance_date,
           max(appearancedatetime)::date AS last_appearance_date,
           count(*) AS appearances
    FROM oca_appearances
    GROUP BY indexnumberid
),
representation AS (
    -- Legal Services lawyers are attorneys; NULL when the case lists no party of that side.
    SELECT indexnumberid,
           bool_or(coalesce(lower(representationtype) IN ('attorney', 'legal services'), false))
               FILTER (WHERE role ILIKE 'respondent%') AS respondent_attorney,
           bool_or(coalesce(lower(representationtype) IN ('attorney', 'legal services'), false))
               FILTER (WHERE role ILIKE 'petitioner%') AS petitioner_attorney
    FROM oca_parties
    GROUP BY indexnumberid
),
judgments AS (
    -- The amount that stands: a judgment vacated, or amended by a later one (which carries the new
    -- amount), counts nothing.
    SELECT j.indexnumberid,
           count(*) AS judgments,
           coalesce(bool_or(j.withpossession), false) AS possession_judgment,
           (array_agg(j.latestjudgmentstatus ORDER BY j.sequence DESC NULLS LAST, j.entereddatetime DESC NULLS LAST)
               FILTER (WHERE j.withpossession))[1] AS possession_judgment_status,
           sum(j.totaljudgmentamount) FILTER (
               WHERE j.latestjudgmentstatus IS DISTINCT FROM 'Vacated' AND amended.indexnumberid IS NULL
           ) AS judgment_amount
    FROM oca_judgments j
    LEFT JOIN (SELECT DISTINCT indexnumberid, amendedfromjudgmentsequence AS sequence
               FROM oca_judgments
               WHERE amendedfromjudgmentsequence IS NOT NULL) amended
           ON amended.indexnumberid = j.indexnumberid AND amended.sequence = j.sequence
    GROUP BY j.indexnumberid
),
requests AS (
    SELECT indexnumberid, min(fileddate) AS warrant_requested_date
    FROM oca_events
    WHERE eventname ~* '^warrant (requisition|request)'
    GROUP BY indexnumberid
),
warrants AS (
    SELECT indexnumberid,
           min(ordereddate) AS warrant_ordered_date,
           bool_or(issueddate IS NOT NULL) AS warrant_issued,
           min(issueddate) AS warrant_issued_date,
           bool_or(issuancestayeddate IS NOT NULL OR executionstayeddate IS NOT NULL
                   OR issuancestayeddays > 0 OR executionstayeddays > 0) AS warrant_stayed,
           min(least(issuancestayeddate, executionstayeddate)) AS warrant_stayed_date,
           bool_or(executiondate IS NOT NULL) AS warrant_executed,
           min(executiondate) AS warrant_executed_date
    FROM oca_warrants
    GROUP BY indexnumberid
)
SELECT i.indexnumberid,
       i.court,
       coalesce(CASE
                    WHEN i.court ILIKE 'New York County%' THEN 'MANHATTAN'
                    WHEN i.court ILIKE 'Bronx County%' THEN 'BRONX'
                    WHEN i.court ILIKE 'Kings County%' THEN 'BROOKLYN'
                    WHEN i.court ILIKE 'Queens County%' THEN 'QUEENS'
                    WHEN i.court ILIKE 'Richmond County%' THEN 'STATEN ISLAND'
                END, pl.borough) AS borough,
       pl.postalcode,
       i.fileddate,
       extract(year FROM i.fileddate)::int AS filed_year,
       date_trunc('week', i.fileddate)::date AS filed_week,
       i.classification,
       i.propertytype,
       i.status,
       i.disposeddate,
       i.disposedreason,
       ap.first_appearance_date,
       ap.last_appearance_date,
       coalesce(ap.appearances, 0) AS appearances,
       r.respondent_attorney,
       r.petitioner_attorney,
       coalesce(j.judgments, 0) AS judgments,
       coalesce(j.possession_judgment, false) AS possession_judgment,
       j.possession_judgment_status,
       j.judgment_amount,
       rq.indexnumberid IS NOT NULL AS warrant_requested,
       rq.warrant_requested_date,
       w.indexnumberid IS NOT NULL AS warrant_ordered,
       w.warrant_ordered_date,
       coalesce(w.warrant_issued, false) AS warrant_issued,
       w.warrant_issued_date,
       coalesce(w.warrant_stayed, false) AS warrant_stayed,
       w.warrant_stayed_date,
       coalesce(w.warrant_executed, false) AS warrant_executed,
       w.warrant_executed_date,
       pl.bbl
FROM oca_index i
LEFT JOIN places pl ON pl.indexnumberid = i.indexnumberid
LEFT JOIN appearances ap ON ap.indexnumberid = i.indexnumberid
LEFT JOIN representation r ON r.indexnumberid = i.indexnumberid
LEFT JOIN judgments j ON j.indexnumberid = i.indexnumberid
LEFT JOIN requests rq ON rq.indexnumberid = i.indexnumberid
LEFT JOIN warrants w ON w.indexnumberid = i.indexnumberid
WHERE NOT EXISTS (SELECT 1
                  FROM oca_metadata m
                  WHERE m.indexnumberid = i.indexnumberid
                    AND m.deletedate IS NOT NULL);
