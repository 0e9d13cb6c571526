-- Which of the configured grant roles exist (bound as a text array). Checked before any view is
-- rebuilt, so a missing role fails the publish before it changes anything.
SELECT rolname FROM pg_roles WHERE rolname = ANY (?)
