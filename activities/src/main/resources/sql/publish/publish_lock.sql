-- Serialises the publishes of one schema (PublishLock): two publishes writing the same parts could
-- otherwise leave an older snapshot's part in place after the newer one cleared its marks. A
-- session lock, taken on a connection of its own before the publish's snapshot begins.
SELECT pg_advisory_lock(?)
