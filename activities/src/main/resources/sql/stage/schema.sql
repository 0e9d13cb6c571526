-- Staging schema of one raw extract file: one DuckDB file per raw file, created fresh by each parse.
--
-- The eleven data tables mirror org.ocaetl.model.OcaTable (layout: org.ocaetl.stage.StagingTable):
-- same names, same columns in the same order, DuckDB types from ColumnType.duckdb() (numeric is
-- VARCHAR holding the validated source text, so no digit is ever rounded), with two exceptions
-- that make staging cheaper:
--   * no indexnumberid: it would repeat on every row of a case; the export joins it from
--     final_cases (final_cases.sql, built from cases at the end of the parse);
--   * text[] columns hold the finished PostgreSQL array literal as VARCHAR (built in Java), not a
--     DuckDB LIST.
-- Two bookkeeping columns come first:
--   case_seq  ordinal of the Index element in the file; joins to cases
--   ord       position of the row among its case's rows of that table, in document order
-- oca_addresses holds only its XML columns; the twenty geocoder columns are exported as NULL.
-- No keys or indexes: rows arrive already converted through the Appender, and the export joins by
-- case_seq once. StagingSchemaTest checks these tables against the catalog.

-- One row per Index element, in document order.
CREATE TABLE cases (
  case_seq      BIGINT  NOT NULL,
  indexnumberid VARCHAR,           -- NULL for a failed case without IndexNumberId
  kind          VARCHAR NOT NULL   -- 'staged' | 'deleted' | 'failed'
);

-- Every case that could not be converted (docs/processing-rules.md#rule-8); value is already redacted and capped.
CREATE TABLE case_failures (
  case_seq BIGINT  NOT NULL,
  caseid   VARCHAR,
  element  VARCHAR NOT NULL,
  value    VARCHAR,
  reason   VARCHAR NOT NULL
);

CREATE TABLE oca_index (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  court VARCHAR, fileddate DATE, propertytype VARCHAR,
  classification VARCHAR, specialtydesignationtypes VARCHAR, status VARCHAR, disposeddate DATE,
  disposedreason VARCHAR, firstpaper VARCHAR, primaryclaimtotal VARCHAR, dateofjurydemand DATE
);

CREATE TABLE oca_causes (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  causeofactiontype VARCHAR, interestfromdate DATE, amount VARCHAR
);

CREATE TABLE oca_addresses (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  street1 VARCHAR, street2 VARCHAR, city VARCHAR, state VARCHAR,
  postalcode VARCHAR
);

CREATE TABLE oca_parties (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  role VARCHAR, partytype VARCHAR, representationtype VARCHAR,
  undertenant VARCHAR
);

CREATE TABLE oca_events (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  eventname VARCHAR, fileddate DATE, feetype VARCHAR,
  filingpartiesroles VARCHAR, answertype VARCHAR
);

CREATE TABLE oca_appearances (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  appearanceid BIGINT, appearancedatetime TIMESTAMP,
  appearancepurpose VARCHAR, appearancereason VARCHAR, appearancepart VARCHAR,
  motionsequence INTEGER
);

CREATE TABLE oca_appearance_outcomes (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  appearanceid BIGINT, appearanceoutcometype VARCHAR,
  outcomebasedontype VARCHAR
);

CREATE TABLE oca_motions (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  sequence INTEGER, motiontype VARCHAR, primaryrelief VARCHAR,
  fileddate DATE, filingpartiesroles VARCHAR, motiondecision VARCHAR, motiondecisiondate DATE
);

CREATE TABLE oca_decisions (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  sequence INTEGER, resultof VARCHAR, highlight VARCHAR
);

CREATE TABLE oca_judgments (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  sequence INTEGER, amendedfromjudgmentsequence INTEGER,
  judgmenttype VARCHAR, fileddate DATE, entereddatetime TIMESTAMP, withpossession BOOLEAN,
  latestjudgmentstatus VARCHAR, latestjudgmentstatusdate DATE, totaljudgmentamount VARCHAR,
  creditorsroles VARCHAR, debtorsroles VARCHAR
);

CREATE TABLE oca_warrants (
  case_seq BIGINT NOT NULL, ord INTEGER NOT NULL,
  judgmentsequence INTEGER, sequence VARCHAR, createdreason VARCHAR,
  ordereddate DATE, issuancetype VARCHAR, issuancestayeddate DATE, issuancestayeddays INTEGER,
  issueddate DATE, executiontype VARCHAR, executionstayeddate DATE, executionstayeddays INTEGER,
  marshalrequestdate DATE, marshalrequestrevieweddate DATE, enforcementagency VARCHAR,
  enforcementofficerdocketnumber VARCHAR, propertiesonwarrantcities VARCHAR,
  propertiesonwarrantstates VARCHAR, propertiesonwarrantpostalcodes VARCHAR, amendeddate DATE,
  vacateddate DATE, adultprotectiveservicesnumber VARCHAR, returneddate DATE,
  returnedreason VARCHAR, executiondate DATE
);
