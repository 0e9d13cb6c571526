-- The level-1 address shape published as public/oca_addresses.csv (tables.md §5.3): no street1/street2,
-- no geocodes. Created in the configured schema (Flyway's search_path), never in public (lessons #14).
CREATE VIEW oca_addresses_public AS
SELECT indexnumberid, city, state, postalcode
FROM oca_addresses;
