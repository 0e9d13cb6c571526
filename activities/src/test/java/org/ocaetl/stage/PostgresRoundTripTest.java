package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.TestExtracts;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Every exported CSV loads into real PostgreSQL tables (created from the catalog) with {@code COPY
 * ... FROM STDIN (FORMAT csv, HEADER true)} and reads back exactly.
 */
class PostgresRoundTripTest {
  private static final String NAME = "LandlordTenant.Incr.2025-07-06.zip";
  @RegisterExtension
  private static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  @TempDir static Path dir;

  /** Array elements that break naive array formatting: commas, quotes, braces, backslashes. */
  private static final String[] HARD_ELEMENTS = {
    "a,b", "say \"hi\"", "{brace}", "back\\slash", "\\\"", " spaced ", "ünïcødé ✓ 日本", "NULL", "'quote'"
  };

  private static final String HIGHLIGHT =
      ".....Juge: José Núñez, Ça va\n.....Décision: \"Accordée\"\r\n\\.\n\n.....Fin, ok ";

  @BeforeAll
  static void loadIntoPostgres() throws Exception {
    StringBuilder specialties = new StringBuilder("<SpecialtyDesignations>");
    for (String element : HARD_ELEMENTS) {
      specialties.append("<SpecialtyDesignationType>").append(xml(element)).append("</SpecialtyDesignationType>");
    }
    specialties.append("<SpecialtyDesignationType/></SpecialtyDesignations>");
    String hard =
        TestExtracts.index(
            "rt-1",
            "<Court>Smith, \"Jr.\" &amp; Co</Court><FiledDate>2025-05-12</FiledDate>"
                + "<Classification>   </Classification>"
                + specialties
                + "<PrimaryClaimTotal>5000.00</PrimaryClaimTotal>"
                + "<PrimaryClaimCauseOfActions>"
                + cause("0.125") + cause("11214") + cause("-3.5") + cause("123456789012345678901234567890.123456789")
                + "</PrimaryClaimCauseOfActions>"
                + "<PropertyAddresses><PropertyAddress><Street1>1 Main St, Apt \"B\"</Street1>"
                + "<City>New York</City><State>NY</State><PostalCode>10001</PostalCode></PropertyAddress>"
                + "</PropertyAddresses>"
                + "<Parties><Party><Role>to-be-empty</Role></Party><Party><PartyType>x</PartyType></Party></Parties>"
                + "<Appearances><Appearance><AppearanceDateTime>2025-06-02T09:30:05</AppearanceDateTime>"
                + "<AppearanceOutcomes><AppearanceOutcome><AppearanceOutcomeType>Adjourned</AppearanceOutcomeType>"
                + "</AppearanceOutcome></AppearanceOutcomes></Appearance></Appearances>"
                + "<Decisions><Decision><Sequence>1</Sequence><HighlightNoPersonallyIdentifyingInfo>"
                + xml(HIGHLIGHT).replace("\r", "&#13;")
                + "</HighlightNoPersonallyIdentifyingInfo></Decision></Decisions>"
                + "<Judgments><Judgment><Sequence>1</Sequence><WithPossession>false</WithPossession>"
                + "<EnteredDateTime>2025-06-20T14:05:00</EnteredDateTime>"
                + "<TotalJudgmentAmount>11214.50</TotalJudgmentAmount>"
                + "<Creditors><Creditor><Role>Petitioner, Inc.</Role></Creditor></Creditors>"
                + "<Warrants><Warrant><Sequence>A</Sequence><IssuanceStayedDays>10</IssuanceStayedDays>"
                + "<PropertiesOnWarrant>"
                + "<PropertyOnWarrant><City>Bronx</City><State>N,Y</State></PropertyOnWarrant>"
                + "<PropertyOnWarrant><PostalCode>10451</PostalCode></PropertyOnWarrant>"
                + "</PropertiesOnWarrant></Warrant></Warrants></Judgment>"
                + "<Judgment><Sequence>2</Sequence><WithPossession>true</WithPossession></Judgment></Judgments>");
    String example = TestExtracts.resource(PostgresRoundTripTest.class, "example-5.1-index.xml");
    Path zip =
        TestExtracts.zip(
            dir,
            NAME,
            TestExtracts.extract("2025-07-06", hard, example, TestExtracts.deleteRecord("gone")));

    StagingLimits limits = StagingLimits.defaults(dir.resolve("tmp"));
    Path staging = dir.resolve("staging.duckdb");
    ParseReport parse = new ExtractParser(limits).parse(zip, staging, ParseProgress.NONE);
    // The XML cannot carry an empty string (an empty element is NULL, docs/processing-rules.md#rule-9), so one is planted
    // in the staging file to check that the CSV keeps "" apart from NULL.
    try (DuckDBConnection conn = StagingDatabase.open(staging, limits);
        Statement st = conn.createStatement()) {
      st.execute("UPDATE oca_parties SET role = '' WHERE role = 'to-be-empty'");
    }
    Path out = dir.resolve("out");
    ExportReport export = new StagingExporter(limits).export(staging, out, parse);

    try (Connection pg = db.dataSource().getConnection(); Statement st = pg.createStatement()) {
      CopyManager copy = new CopyManager(pg.unwrap(BaseConnection.class));
      for (OcaTable table : OcaTable.values()) {
        st.execute(
            "CREATE TABLE " + table.tableName() + " ("
                + table.columns().stream()
                    .map(c -> c.name() + " " + c.type().postgres())
                    .collect(Collectors.joining(", "))
                + ")");
        try (InputStream csv = Files.newInputStream(out.resolve(table.csvName()))) {
          long loaded =
              copy.copyIn(
                  "COPY " + table.tableName() + " (" + table.columnList()
                      + ") FROM STDIN (FORMAT csv, HEADER true)",
                  csv);
          assertEquals(export.rowsPerTable().get(table.tableName()), loaded, table.tableName());
        }
      }
    }
  }

  private static String cause(String amount) {
    return "<PrimaryClaimCauseOfAction><Amount>" + amount + "</Amount></PrimaryClaimCauseOfAction>";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static List<List<Object>> query(String sql) throws Exception {
    try (Connection pg = db.dataSource().getConnection();
        Statement st = pg.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(value instanceof Array a ? java.util.Arrays.asList((Object[]) a.getArray()) : value);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static Object single(String sql) throws Exception {
    List<List<Object>> rows = query(sql);
    assertEquals(1, rows.size(), sql);
    return rows.get(0).get(0);
  }

  @Test
  void textKeepsQuotesCommasAndWhitespaceAndNullStaysNull() throws Exception {
    List<Object> row =
        query("SELECT court, classification, status FROM oca_index WHERE indexnumberid = 'rt-1'").get(0);
    assertEquals("Smith, \"Jr.\" & Co", row.get(0));
    assertEquals("   ", row.get(1), "whitespace-only is kept");
    assertNull(row.get(2), "missing is NULL");
    assertEquals(
        List.of(List.of(""), java.util.Arrays.asList((Object) null)),
        query("SELECT role FROM oca_parties WHERE indexnumberid = 'rt-1' ORDER BY partytype NULLS FIRST"),
        "empty string and NULL stay apart");
  }

  @Test
  void arraysKeepEveryHardElement() throws Exception {
    Object[] elements =
        ((List<?>) single("SELECT specialtydesignationtypes FROM oca_index WHERE indexnumberid = 'rt-1'"))
            .toArray();
    assertArrayEquals(HARD_ELEMENTS, elements);
    assertEquals(
        List.of("Petitioner, Inc."),
        single("SELECT creditorsroles FROM oca_judgments WHERE indexnumberid = 'rt-1' AND sequence = 1"));
    assertNull(single("SELECT debtorsroles FROM oca_judgments WHERE indexnumberid = 'rt-1' AND sequence = 1"));
  }

  @Test
  void parallelWarrantArraysKeepNullElements() throws Exception {
    List<Object> row =
        query(
                "SELECT propertiesonwarrantcities, propertiesonwarrantstates, propertiesonwarrantpostalcodes,"
                    + " judgmentsequence, issuancestayeddays FROM oca_warrants WHERE indexnumberid = 'rt-1'")
            .get(0);
    assertEquals(java.util.Arrays.asList("Bronx", null), row.get(0));
    assertEquals(java.util.Arrays.asList("N,Y", null), row.get(1));
    assertEquals(java.util.Arrays.asList(null, "10451"), row.get(2));
    assertEquals(1, row.get(3));
    assertEquals(10, row.get(4));
  }

  @Test
  void decimalsStayExact() throws Exception {
    assertEquals("5000.00", single("SELECT primaryclaimtotal::text FROM oca_index WHERE indexnumberid = 'rt-1'"));
    assertEquals(
        List.of(
            List.of("0.125"),
            List.of("11214"),
            List.of("-3.5"),
            List.of("123456789012345678901234567890.123456789")),
        query("SELECT amount::text FROM oca_causes WHERE indexnumberid = 'rt-1' ORDER BY ctid"));
    assertEquals(
        "11214.50", single("SELECT totaljudgmentamount::text FROM oca_judgments WHERE sequence = 1 AND indexnumberid = 'rt-1'"));
  }

  @Test
  void multiLineHighlightWithAccentsSurvives() throws Exception {
    assertEquals(HIGHLIGHT, single("SELECT highlight FROM oca_decisions WHERE indexnumberid = 'rt-1'"));
  }

  @Test
  void timestampsBooleansAndDates() throws Exception {
    assertEquals(
        LocalDateTime.of(2025, 6, 2, 9, 30, 5),
        ((java.sql.Timestamp) single("SELECT appearancedatetime FROM oca_appearances WHERE indexnumberid = 'rt-1'"))
            .toLocalDateTime());
    assertEquals(
        List.of(List.of(false, "2025-06-20 14:05:00"), java.util.Arrays.asList(true, null)),
        query(
            "SELECT withpossession, entereddatetime::text FROM oca_judgments WHERE indexnumberid = 'rt-1'"
                + " ORDER BY sequence"));
    assertEquals(
        LocalDate.of(2025, 5, 12),
        ((java.sql.Date) single("SELECT fileddate FROM oca_index WHERE indexnumberid = 'rt-1'")).toLocalDate());
  }

  @Test
  void outcomesJoinTheirAppearances() throws Exception {
    assertEquals(
        2L,
        single(
            "SELECT count(*) FROM oca_appearances a JOIN oca_appearance_outcomes o"
                + " USING (indexnumberid, appearanceid)"));
  }

  @Test
  void addressesHaveTheirXmlColumnsAndNoGeocode() throws Exception {
    List<Object> row =
        query(
                "SELECT street1, street2, city, status, lat, lon, bbl, zip_code FROM oca_addresses"
                    + " WHERE indexnumberid = 'rt-1'")
            .get(0);
    assertEquals("1 Main St, Apt \"B\"", row.get(0));
    assertNull(row.get(1));
    assertEquals("New York", row.get(2));
    for (Object geocode : row.subList(3, row.size())) {
      assertNull(geocode);
    }
  }

  @Test
  void metadataCarriesTheExtractDate() throws Exception {
    assertEquals(
        List.of(
            java.util.Arrays.asList("rt-1", "2025-07-06", "2025-07-06", null),
            java.util.Arrays.asList(
                "88411d20344181c5695dd3d9b38dea6afd5135f35771527d162b2e6adea91e56",
                "2025-07-06",
                "2025-07-06",
                null),
            java.util.Arrays.asList("gone", "2025-07-06", null, "2025-07-06")),
        query(
            "SELECT indexnumberid, initialdate::text, updatedate::text, deletedate::text FROM oca_metadata"
                + " ORDER BY indexnumberid = 'gone', indexnumberid DESC"));
    assertFalse(query("SELECT 1 FROM oca_index WHERE indexnumberid = 'gone'").iterator().hasNext());
  }
}
