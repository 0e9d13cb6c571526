package org.ocaetl.model;

import static org.ocaetl.model.Column.ADDRESS_LENGTH;
import static org.ocaetl.model.Column.FREE_TEXT_LENGTH;
import static org.ocaetl.model.Column.ID_LENGTH;
import static org.ocaetl.model.ColumnType.BIGINT;
import static org.ocaetl.model.ColumnType.BOOLEAN;
import static org.ocaetl.model.ColumnType.DATE;
import static org.ocaetl.model.ColumnType.INT;
import static org.ocaetl.model.ColumnType.NUMERIC;
import static org.ocaetl.model.ColumnType.REAL;
import static org.ocaetl.model.ColumnType.TEXT;
import static org.ocaetl.model.ColumnType.TEXT_ARRAY;
import static org.ocaetl.model.ColumnType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;

/**
 * The twelve target tables of docs/tables.md with their columns in published order. Staged CSVs, the
 * PostgreSQL schema and the published files all follow this order, so it is defined once here,
 * with each column's length limit (docs/column-limits.md).
 * {@code oca_addresses.geom} is not listed: PostgreSQL derives it from lat/lon and it never appears
 * in a staged CSV.
 */
public enum OcaTable {
  OCA_INDEX(
      "oca_index",
      id(),
      c("court", TEXT),
      c("fileddate", DATE),
      c("propertytype", TEXT),
      c("classification", TEXT),
      c("specialtydesignationtypes", TEXT_ARRAY),
      c("status", TEXT),
      c("disposeddate", DATE),
      c("disposedreason", TEXT),
      c("firstpaper", TEXT),
      c("primaryclaimtotal", NUMERIC),
      c("dateofjurydemand", DATE)),
  OCA_CAUSES(
      "oca_causes",
      id(),
      c("causeofactiontype", TEXT),
      c("interestfromdate", DATE),
      c("amount", NUMERIC)),
  OCA_ADDRESSES(
      "oca_addresses",
      id(),
      c("street1", TEXT, ADDRESS_LENGTH),
      c("street2", TEXT, ADDRESS_LENGTH),
      c("city", TEXT, ADDRESS_LENGTH),
      c("state", TEXT, ADDRESS_LENGTH),
      c("postalcode", TEXT, ADDRESS_LENGTH),
      c("status", TEXT),
      c("house_number", TEXT),
      c("street_name", TEXT),
      c("borough_code", TEXT),
      c("place_name", TEXT),
      c("sname", TEXT),
      c("hnum", TEXT),
      c("boro", TEXT),
      c("lat", REAL),
      c("bin", TEXT),
      c("bbl", TEXT),
      c("cd", TEXT),
      c("ct", TEXT),
      c("council", TEXT),
      c("grc", TEXT),
      c("grc2", TEXT),
      c("msg", TEXT),
      c("msg2", TEXT),
      c("lon", REAL),
      c("zip_code", TEXT)),
  OCA_PARTIES(
      "oca_parties",
      id(),
      c("role", TEXT),
      c("partytype", TEXT),
      c("representationtype", TEXT),
      c("undertenant", TEXT)),
  OCA_EVENTS(
      "oca_events",
      id(),
      c("eventname", TEXT),
      c("fileddate", DATE),
      c("feetype", TEXT),
      c("filingpartiesroles", TEXT_ARRAY),
      c("answertype", TEXT)),
  OCA_APPEARANCES(
      "oca_appearances",
      id(),
      c("appearanceid", BIGINT),
      c("appearancedatetime", TIMESTAMP),
      c("appearancepurpose", TEXT),
      c("appearancereason", TEXT),
      c("appearancepart", TEXT),
      c("motionsequence", INT)),
  OCA_APPEARANCE_OUTCOMES(
      "oca_appearance_outcomes",
      id(),
      c("appearanceid", BIGINT),
      c("appearanceoutcometype", TEXT),
      c("outcomebasedontype", TEXT)),
  OCA_MOTIONS(
      "oca_motions",
      id(),
      c("sequence", INT),
      c("motiontype", TEXT),
      c("primaryrelief", TEXT),
      c("fileddate", DATE),
      c("filingpartiesroles", TEXT_ARRAY),
      c("motiondecision", TEXT),
      c("motiondecisiondate", DATE)),
  OCA_DECISIONS(
      "oca_decisions",
      id(),
      c("sequence", INT),
      c("resultof", TEXT),
      c("highlight", TEXT, FREE_TEXT_LENGTH)),
  OCA_JUDGMENTS(
      "oca_judgments",
      id(),
      c("sequence", INT),
      c("amendedfromjudgmentsequence", INT),
      c("judgmenttype", TEXT),
      c("fileddate", DATE),
      c("entereddatetime", TIMESTAMP),
      c("withpossession", BOOLEAN),
      c("latestjudgmentstatus", TEXT),
      c("latestjudgmentstatusdate", DATE),
      c("totaljudgmentamount", NUMERIC),
      c("creditorsroles", TEXT_ARRAY),
      c("debtorsroles", TEXT_ARRAY)),
  OCA_WARRANTS(
      "oca_warrants",
      id(),
      c("judgmentsequence", INT),
      c("sequence", TEXT),
      c("createdreason", TEXT),
      c("ordereddate", DATE),
      c("issuancetype", TEXT),
      c("issuancestayeddate", DATE),
      c("issuancestayeddays", INT),
      c("issueddate", DATE),
      c("executiontype", TEXT),
      c("executionstayeddate", DATE),
      c("executionstayeddays", INT),
      c("marshalrequestdate", DATE),
      c("marshalrequestrevieweddate", DATE),
      c("enforcementagency", TEXT),
      c("enforcementofficerdocketnumber", TEXT),
      c("propertiesonwarrantcities", TEXT_ARRAY, ADDRESS_LENGTH),
      c("propertiesonwarrantstates", TEXT_ARRAY, ADDRESS_LENGTH),
      c("propertiesonwarrantpostalcodes", TEXT_ARRAY, ADDRESS_LENGTH),
      c("amendeddate", DATE),
      c("vacateddate", DATE),
      c("adultprotectiveservicesnumber", TEXT),
      c("returneddate", DATE),
      c("returnedreason", TEXT),
      c("executiondate", DATE)),
  OCA_METADATA(
      "oca_metadata",
      id(),
      c("initialdate", DATE),
      c("updatedate", DATE),
      c("deletedate", DATE));

  /** The eleven data tables: oca_index and its ten children (docs/processing-rules.md#rule-4). */
  public static final List<OcaTable> DATA_TABLES =
      Arrays.stream(values()).filter(t -> t != OCA_METADATA).toList();

  /** The ten child tables of oca_index. */
  public static final List<OcaTable> CHILD_TABLES =
      DATA_TABLES.stream().filter(t -> t != OCA_INDEX).toList();

  private final String tableName;
  private final List<Column> columns;

  OcaTable(String tableName, Column... columns) {
    this.tableName = tableName;
    this.columns = List.of(columns);
  }

  private static Column c(String name, ColumnType type) {
    return new Column(name, type);
  }

  private static Column c(String name, ColumnType type, int maxLength) {
    return new Column(name, type, maxLength);
  }

  private static Column id() {
    return new Column("indexnumberid", TEXT, ID_LENGTH);
  }

  /** The PostgreSQL table name, also the staged CSV's base name. */
  public String tableName() {
    return tableName;
  }

  public List<Column> columns() {
    return columns;
  }

  /** The column named {@code name}. */
  public Column column(String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(tableName + " has no column " + name));
  }

  /** The staged CSV file name, {@code <table>.csv}. */
  public String csvName() {
    return tableName + ".csv";
  }

  /** Column names in table order, comma-separated (for COPY column lists and CSV headers). */
  public String columnList() {
    return String.join(",", columns.stream().map(Column::name).toList());
  }
}
