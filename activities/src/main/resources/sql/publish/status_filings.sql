-- The status page's filing trends (public/index.html), in one pass over oca_case_summary: cases
-- filed per week, borough and calendar month between two dates (bound: first day, last day), with
-- how many of them reached a judgment and an issued warrant. A week that spans two months gives two
-- rows; the page adds them up by week and by month. Only the columns used are read, so PostgreSQL
-- leaves out the view's other joins.
SELECT filed_week,
       date_trunc('month', fileddate)::date AS filed_month,
       borough,
       count(*) AS cases,
       count(*) FILTER (WHERE judgments > 0) AS judged,
       count(*) FILTER (WHERE warrant_issued) AS warranted
FROM oca_case_summary
WHERE fileddate BETWEEN ? AND ?
GROUP BY filed_week, filed_month, borough
