-- Releases PublishLock's session lock (a pooled connection would keep it).
SELECT pg_advisory_unlock(?)
