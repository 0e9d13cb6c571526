-- The PLUTO columns of docs/tables.md#reference-tables, streamed from the release's CSV (picked by header name and
-- checked line by line in PlutoLoader; bbl already rounded to an integer as round(bbl::numeric, 0)).
COPY pluto (bbl, unitsres, bct2020, bctcb2020, ct2010, cb2010, cd, council) FROM STDIN (FORMAT csv)
