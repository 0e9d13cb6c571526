-- Publishing in proportion to change (docs/storage.md#published-parts): every published file is
-- split into parts by the filed year of the case, and a publish re-exports only the parts that
-- changed since the last publish. The promotion (and every other writer of the published tables)
-- records which parts it changed here, in its own transaction, through the statement-level
-- triggers below: the writers' code knows nothing about parts.

-- The part of a case: the year of its oca_index.fileddate (four digits), 'other' for a year outside
-- 1000-9999 (no date bound exists, docs/column-limits.md), 'undated' for a case without a filed
-- date or without an oca_index row (a tombstone in oca_metadata). Byte order (COLLATE "C", and
-- Java's String order) sorts the years, then 'other', then 'undated'. Inlined by the planner, in
-- the index below and in the queries alike (single-SELECT IMMUTABLE SQL function, as V6's hash).
CREATE FUNCTION oca_publish_part(fileddate date)
    RETURNS text
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT CASE WHEN fileddate IS NULL THEN 'undated'
                WHEN extract(year FROM fileddate) BETWEEN 1000 AND 9999 THEN extract(year FROM fileddate)::int::text
                ELSE 'other' END
$$;

-- Exports the oca_index rows of a few parts without reading the whole table.
CREATE INDEX oca_index_publish_part_idx ON oca_index (oca_publish_part(fileddate));

-- One mark per (table, part) a statement changed. relation names the table whose rows changed:
-- oca_index marks a part of every published file (every applied, replaced or deleted case changes
-- its oca_index row), oca_metadata and oca_addresses only the files built from them. mark comes
-- from a sequence so that a publish deletes exactly the marks it has read, never one committed
-- after its snapshot. Marks of the same part repeat (one per statement); a publish reads them all.
CREATE SEQUENCE oca_publish_dirty_parts_mark_seq AS bigint;
CREATE TABLE oca_publish_dirty_parts (
    mark     bigint NOT NULL PRIMARY KEY,
    relation text   NOT NULL,
    part     text   NOT NULL
);

-- The trigger functions run with the search path of this migration (SET search_path FROM CURRENT:
-- the configured schema), whatever the writer's session has: a writer using schema-qualified names
-- must mark this schema's table, never fail or mark another schema's.

-- oca_index: the old and the new part of every changed case. A case that gains or loses its
-- oca_index row also moves its oca_metadata row into or out of the 'undated' part.
CREATE FUNCTION oca_mark_index_parts()
    RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO oca_publish_dirty_parts (mark, relation, part)
        SELECT nextval('oca_publish_dirty_parts_mark_seq'), 'oca_index', p.part
        FROM (SELECT DISTINCT oca_publish_part(fileddate) AS part FROM old_rows) p;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO oca_publish_dirty_parts (mark, relation, part)
        SELECT nextval('oca_publish_dirty_parts_mark_seq'), 'oca_index', p.part
        FROM (SELECT DISTINCT oca_publish_part(fileddate) AS part FROM new_rows) p;
    END IF;
    IF TG_OP IN ('INSERT', 'DELETE') THEN
        INSERT INTO oca_publish_dirty_parts (mark, relation, part)
        VALUES (nextval('oca_publish_dirty_parts_mark_seq'), 'oca_metadata', 'undated');
    END IF;
    RETURN NULL;
END
$$;

-- oca_metadata and oca_addresses: the parts of the changed rows' cases, as oca_index says now (an
-- oca_index row inserted later in the same transaction marks its part itself).
CREATE FUNCTION oca_mark_case_parts()
    RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO oca_publish_dirty_parts (mark, relation, part)
        SELECT nextval('oca_publish_dirty_parts_mark_seq'), TG_TABLE_NAME, p.part
        FROM (SELECT DISTINCT oca_publish_part(i.fileddate) AS part
              FROM old_rows o LEFT JOIN oca_index i ON i.indexnumberid = o.indexnumberid) p;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO oca_publish_dirty_parts (mark, relation, part)
        SELECT nextval('oca_publish_dirty_parts_mark_seq'), TG_TABLE_NAME, p.part
        FROM (SELECT DISTINCT oca_publish_part(i.fileddate) AS part
              FROM new_rows n LEFT JOIN oca_index i ON i.indexnumberid = n.indexnumberid) p;
    END IF;
    RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER oca_index_mark_insert AFTER INSERT ON oca_index
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_index_parts();
CREATE TRIGGER oca_index_mark_update AFTER UPDATE ON oca_index
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_index_parts();
CREATE TRIGGER oca_index_mark_delete AFTER DELETE ON oca_index
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_index_parts();

CREATE TRIGGER oca_metadata_mark_insert AFTER INSERT ON oca_metadata
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_case_parts();
CREATE TRIGGER oca_metadata_mark_update AFTER UPDATE ON oca_metadata
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_case_parts();
CREATE TRIGGER oca_metadata_mark_delete AFTER DELETE ON oca_metadata
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_case_parts();

-- Addresses change without their case in the geocode backfill (UPDATE); inserted and deleted
-- address rows come with their case's oca_index row, which marks the part already.
CREATE TRIGGER oca_addresses_mark_update AFTER UPDATE ON oca_addresses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION oca_mark_case_parts();
