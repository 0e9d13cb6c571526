-- The plan a statement really runs with (it is executed), without timings or costs, which vary
-- from run to run: what the benchmark checks is which index the plan uses.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {{statement}}
