-- The twelve oca-etl tables of tables.md §2, with their keys and indexes (§3).
--
-- Written without a schema qualifier: Flyway runs this with search_path set to the configured schema,
-- so every object below is created in that schema (the predecessor hard-coded public., lessons #14).
-- Column names, types and order follow org.ocaetl.model.OcaTable (published CSVs are SELECT * in
-- this order). oca_addresses.geom is not created here: it needs PostGIS, and a later migration adds
-- it where the extension is available.
--
-- Child tables reference oca_index with ON DELETE CASCADE as a safety net only: the promotion deletes
-- from every child table explicitly (lessons #1) and never disables triggers.

CREATE TABLE oca_index (
    indexnumberid             text PRIMARY KEY,
    court                     text,
    fileddate                 date,
    propertytype              text,
    classification            text,
    specialtydesignationtypes text[],
    status                    text,
    disposeddate              date,
    disposedreason            text,
    firstpaper                text,
    primaryclaimtotal         numeric,
    dateofjurydemand          date
);

CREATE TABLE oca_causes (
    indexnumberid     text REFERENCES oca_index ON DELETE CASCADE,
    causeofactiontype text,
    interestfromdate  date,
    amount            numeric
);
CREATE INDEX oca_causes_indexnumberid_idx ON oca_causes (indexnumberid);

-- Raw address (the first six columns, the address natural key) plus geocoder output.
CREATE TABLE oca_addresses (
    indexnumberid text REFERENCES oca_index ON DELETE CASCADE,
    street1       text,
    street2       text,
    city          text,
    state         text,
    postalcode    text,
    status        text,
    house_number  text,
    street_name   text,
    borough_code  text,
    place_name    text,
    sname         text,
    hnum          text,
    boro          text,
    lat           real,
    bin           text,
    bbl           text,
    cd            text,
    ct            text,
    council       text,
    grc           text,
    grc2          text,
    msg           text,
    msg2          text,
    lon           real,
    zip_code      text
);
CREATE INDEX oca_addresses_indexnumberid_idx ON oca_addresses (indexnumberid);
CREATE INDEX oca_addresses_bbl_idx ON oca_addresses (bbl);
-- Lookup of a case's previous geocode for the same address (rule 14); compared with IS NOT DISTINCT FROM.
CREATE INDEX oca_addresses_natural_key_idx
    ON oca_addresses (indexnumberid, street1, street2, city, state, postalcode);

CREATE TABLE oca_parties (
    indexnumberid      text REFERENCES oca_index ON DELETE CASCADE,
    role               text,
    partytype          text,
    representationtype text,
    undertenant        text
);
CREATE INDEX oca_parties_indexnumberid_idx ON oca_parties (indexnumberid);

CREATE TABLE oca_events (
    indexnumberid      text REFERENCES oca_index ON DELETE CASCADE,
    eventname          text,
    fileddate          date,
    feetype            text,
    filingpartiesroles text[],
    answertype         text
);
CREATE INDEX oca_events_indexnumberid_idx ON oca_events (indexnumberid);

-- appearanceid is a plain bigint, not bigserial: the staged files already carry a deterministic id
-- per appearance (rule 13), so re-processing a case version gives the same ids. A sequence default
-- is what leaked into the predecessor's staging tables and produced unstable, colliding ids
-- (lessons #9).
CREATE TABLE oca_appearances (
    indexnumberid      text REFERENCES oca_index ON DELETE CASCADE,
    appearanceid       bigint,
    appearancedatetime timestamp,
    appearancepurpose  text,
    appearancereason   text,
    appearancepart     text,
    motionsequence     int
);
CREATE INDEX oca_appearances_indexnumberid_idx ON oca_appearances (indexnumberid);

CREATE TABLE oca_appearance_outcomes (
    indexnumberid         text REFERENCES oca_index ON DELETE CASCADE,
    appearanceid          bigint,
    appearanceoutcometype text,
    outcomebasedontype    text
);
CREATE INDEX oca_appearance_outcomes_indexnumberid_idx ON oca_appearance_outcomes (indexnumberid);

CREATE TABLE oca_motions (
    indexnumberid      text REFERENCES oca_index ON DELETE CASCADE,
    sequence           int,
    motiontype         text,
    primaryrelief      text,
    fileddate          date,
    filingpartiesroles text[],
    motiondecision     text,
    motiondecisiondate date
);
CREATE INDEX oca_motions_indexnumberid_idx ON oca_motions (indexnumberid);

CREATE TABLE oca_decisions (
    indexnumberid text REFERENCES oca_index ON DELETE CASCADE,
    sequence      int,
    resultof      text,
    highlight     text
);
CREATE INDEX oca_decisions_indexnumberid_idx ON oca_decisions (indexnumberid);

CREATE TABLE oca_judgments (
    indexnumberid               text REFERENCES oca_index ON DELETE CASCADE,
    sequence                    int,
    amendedfromjudgmentsequence int,
    judgmenttype                text,
    fileddate                   date,
    entereddatetime             timestamp,
    withpossession              boolean,
    latestjudgmentstatus        text,
    latestjudgmentstatusdate    date,
    totaljudgmentamount         numeric,
    creditorsroles              text[],
    debtorsroles                text[]
);
CREATE INDEX oca_judgments_indexnumberid_idx ON oca_judgments (indexnumberid);

CREATE TABLE oca_warrants (
    indexnumberid                  text REFERENCES oca_index ON DELETE CASCADE,
    judgmentsequence               int,
    sequence                       text,
    createdreason                  text,
    ordereddate                    date,
    issuancetype                   text,
    issuancestayeddate             date,
    issuancestayeddays             int,
    issueddate                     date,
    executiontype                  text,
    executionstayeddate            date,
    executionstayeddays            int,
    marshalrequestdate             date,
    marshalrequestrevieweddate     date,
    enforcementagency              text,
    enforcementofficerdocketnumber text,
    propertiesonwarrantcities      text[],
    propertiesonwarrantstates      text[],
    propertiesonwarrantpostalcodes text[],
    amendeddate                    date,
    vacateddate                    date,
    adultprotectiveservicesnumber  text,
    returneddate                   date,
    returnedreason                 text,
    executiondate                  date
);
CREATE INDEX oca_warrants_indexnumberid_idx ON oca_warrants (indexnumberid);

-- One row per case id ever seen. Deliberately no foreign key: the row outlives the case as its
-- tombstone (deletedate non-NULL). Merged with INSERT ... ON CONFLICT, never rebuilt (lessons #8).
CREATE TABLE oca_metadata (
    indexnumberid text PRIMARY KEY,
    initialdate   date,
    updatedate    date,
    deletedate    date
);
