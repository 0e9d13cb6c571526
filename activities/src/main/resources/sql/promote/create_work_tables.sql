-- Working sets of the net-effect promotion, dropped at commit.

-- The per-key lookups of insert_addresses.sql (an earlier file's version of the same address,
-- docs/processing-rules.md#rule-14) go through this index.
CREATE INDEX ON net_oca_addresses (indexnumberid, file_pos);

-- What each file's record does to each of its case ids, as if the files were applied one at a time
-- in request order (classify_net_cases.sql):
--   apply       a case version that replaces the case's rows (docs/processing-rules.md#rule-4)
--   skip_older  a case version older than the case's updatedate (docs/processing-rules.md#rule-5)
--   tombstoned  a case version of a deleted id: never applied (docs/processing-rules.md#rule-6)
--   delete      a delete record (docs/processing-rules.md#rule-6)
-- db_known: the id had an oca_metadata row before the promotion (only such ids can have rows).
-- metadata_changed: merging this file's metadata row changes the id's row (docs/processing-rules.md#rule-7).
-- rows_pos: where the id's rows came from just before this file: 0 the database, a file position
-- the version that file applied, NULL none (deleted or tombstoned by an earlier file of the set).
CREATE TEMP TABLE net_case (
    indexnumberid    text    NOT NULL,
    file_pos         integer NOT NULL,
    decision         text    NOT NULL CHECK (decision IN ('apply', 'skip_older', 'tombstoned', 'delete')),
    db_known         boolean NOT NULL,
    metadata_changed boolean NOT NULL,
    rows_pos         integer,
    PRIMARY KEY (indexnumberid, file_pos)
) ON COMMIT DROP;

-- One net decision per id whose rows change (decide_net_cases.sql): winner_pos is the file whose
-- version the id ends with, NULL when the id ends tombstoned and loses every row.
CREATE TEMP TABLE net_decision (
    indexnumberid text    PRIMARY KEY,
    winner_pos    integer,
    db_known      boolean NOT NULL
) ON COMMIT DROP;

-- Rows per id in each data table: of each file's version (file_pos, counted as the file is
-- appended) and of the database before the promotion (file_pos 0, counted by the deletes). The
-- per-file ledger counts are computed from them (count_net_rows.sql) without re-reading the rows.
CREATE TEMP TABLE net_row_counts (
    table_name    text    NOT NULL,
    indexnumberid text    NOT NULL,
    file_pos      integer NOT NULL,
    row_count     bigint  NOT NULL
) ON COMMIT DROP;

-- Geocoded address rows the database holds for the ids about to be replaced, kept so that a new
-- row of the same address without coordinates can inherit them (docs/processing-rules.md#rule-14).
CREATE TEMP TABLE previous_address (LIKE oca_addresses) ON COMMIT DROP;
CREATE INDEX ON previous_address (indexnumberid);
