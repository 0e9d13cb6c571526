-- Serialises promotions of one schema: a second promotion waits here (bounded by lock_timeout,
-- which fails with SQLState 55P03) until the first commits or rolls back. The key is a constant
-- derived from the schema name (PromotionLock), so other schemas are not blocked.
SELECT pg_advisory_xact_lock(?)
