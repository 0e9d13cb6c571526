-- The PLUTO columns of tables.md §4, streamed from the release's CSV (picked by header name and
-- checked line by line in PlutoLoader; bbl already rounded to an integer as round(bbl::numeric, 0)).
COPY pluto (bbl, unitsres, bct2020, bctcb2020, ct2010, cb2010, cd, council) FROM STDIN (FORMAT csv)
