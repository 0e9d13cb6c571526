-- The planner's estimate of one export's rows query (ExportOrder): its plan as JSON, whose top
-- node's "Total Cost" orders the exports, costliest first. Nothing is executed.
EXPLAIN (FORMAT JSON) {{query}}
