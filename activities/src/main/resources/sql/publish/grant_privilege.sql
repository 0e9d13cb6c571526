-- One configured grant (configuration, never code: roles differ between deployments): the role may use the schema and has
-- the privilege on every table and view in it, including the views just redefined. Applied after the
-- views, on every publish, in the same transaction.
GRANT USAGE ON SCHEMA {{schema}} TO {{role}};
GRANT {{privilege}} ON ALL TABLES IN SCHEMA {{schema}} TO {{role}};
