-- Bounds the sorts and hash tables of this connection's statements (StagingLimits#operatorMemoryLimit).
-- Per connection: DuckDB 2.0 refuses operator_memory_limit as a global option or connection property.
-- {{size}}: a quoted size literal such as '64MB' (SET takes no bound parameters).
SET operator_memory_limit = {{size}};
