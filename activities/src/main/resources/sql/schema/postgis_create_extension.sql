-- Installs PostGIS when the server has the package and this role may (superuser, or
-- rds_superuser on RDS). Run before the search path is narrowed, so the extension goes where
-- the connection's default search path points (normally public), like a DBA's manual install.
CREATE EXTENSION IF NOT EXISTS postgis
