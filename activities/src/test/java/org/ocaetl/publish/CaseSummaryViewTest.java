package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * Every derived column of oca_case_summary (docs/tables.md#oca_case_summary) on hand-written cases
 * whose answers are known, and the status page's trends (read from the base tables) counting those
 * cases as the view does. Test-only SQL is inline: the rows are the fixture.
 */
class CaseSummaryViewTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension().withSchema("summary");

  private static Map<String, Map<String, String>> summary;

  @BeforeAll
  static void casesWithKnownAnswers() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO summary");
      st.execute(
          """
          INSERT INTO oca_index (indexnumberid, court, fileddate, propertytype, classification, status,
                                 disposeddate, disposedreason) VALUES
            ('NO-WARRANT', 'Kings County Civil Court - Housing Part', '2024-01-03', 'Residential', 'Non-Payment',
             'Disposed', '2024-05-02', 'Settled'),
            ('REQUESTED', 'Buffalo City Court', '2024-02-07', 'Residential', 'Holdover', 'Active', NULL, NULL),
            ('STAYED', 'Yonkers City Court', '2023-12-31', 'Commercial', 'Non-Payment', 'Active', NULL, NULL),
            ('JUDGMENTS', 'New York County Civil Court - Housing Part', '2024-03-11', 'Residential', 'Non-Payment',
             'Disposed', '2024-06-01', 'Judgment'),
            ('AMENDED', 'Richmond County Civil Court - Housing Part', '2024-03-12', 'Residential', 'Non-Payment',
             'Active', NULL, NULL),
            ('MISSING', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            ('TOMBSTONED', 'Bronx County Civil Court - Housing Part', '2024-01-01', 'Residential', 'Holdover',
             'Active', NULL, NULL);
          INSERT INTO oca_metadata VALUES
            ('NO-WARRANT', '2024-01-05', '2024-05-03', NULL),
            ('TOMBSTONED', '2024-01-05', '2024-01-05', '2024-02-01'),
            ('NEVER-SEEN', '2024-01-05', NULL, '2024-01-05');
          INSERT INTO pluto (bbl, unitsres) VALUES ('3000010001', 20), ('5000010001', 10);
          INSERT INTO oca_addresses (indexnumberid, street1, city, state, postalcode, boro, bbl) VALUES
            ('NO-WARRANT', '1 MAIN ST', 'Brooklyn', 'NY', '11201', 'BROOKLYN', '3000010001'),
            ('REQUESTED', '2 ELM ST', 'Buffalo', 'NY', '14201', NULL, NULL),
            ('STAYED', '3 OAK ST', 'Bronx', 'NY', '10451', 'BRONX', NULL),
            ('AMENDED', '4 PINE ST', 'Staten Island', 'NY', '10301', 'STATEN IS', '5000010001'),
            ('AMENDED', '4 PINE ST', 'Staten Island', 'NY', '10302', 'STATEN IS', '5000010001'),
            ('TOMBSTONED', '5 ASH ST', 'Bronx', 'NY', '10452', 'BRONX', NULL);
          INSERT INTO oca_parties (indexnumberid, role, representationtype) VALUES
            ('NO-WARRANT', 'Petitioner', 'Attorney'),
            ('NO-WARRANT', 'Respondent', 'Self-Represented'),
            ('NO-WARRANT', 'Respondent - John Doe', NULL),
            ('REQUESTED', 'Respondent', 'Self-Represented'),
            ('REQUESTED', 'Respondent - Jane Doe', 'Legal Services'),
            ('STAYED', 'Petitioner', 'Self-Represented'),
            ('STAYED', 'Respondent', 'Attorney');
          INSERT INTO oca_appearances (indexnumberid, appearanceid, appearancedatetime) VALUES
            ('NO-WARRANT', 1, '2024-02-01 09:30'),
            ('NO-WARRANT', 2, '2024-03-15 14:00'),
            ('NO-WARRANT', 3, '2024-02-20 10:00'),
            ('MISSING', 4, NULL);
          INSERT INTO oca_events (indexnumberid, eventname, fileddate) VALUES
            ('NO-WARRANT', 'Answer', '2024-01-20'),
            ('REQUESTED', 'Warrant Requisition', '2024-04-02'),
            ('REQUESTED', 'Warrant Requisition', '2024-03-28'),
            ('STAYED', 'Warrant Requisition', '2024-01-20'),
            ('MISSING', 'Warrant Requisition', NULL);
          INSERT INTO oca_judgments (indexnumberid, sequence, amendedfromjudgmentsequence, withpossession,
                                     latestjudgmentstatus, totaljudgmentamount) VALUES
            ('REQUESTED', 1, NULL, true, 'Entered', 2500.50),
            ('STAYED', 1, NULL, true, 'Stayed', 800),
            ('JUDGMENTS', 1, NULL, true, 'Vacated', 1000),
            ('JUDGMENTS', 2, NULL, true, 'Entered', 1200),
            ('JUDGMENTS', 3, NULL, false, 'Satisfied', 300),
            ('AMENDED', 1, NULL, false, 'Amended', 800),
            ('AMENDED', 2, 1, false, 'Entered', 900),
            ('MISSING', 1, NULL, NULL, NULL, NULL);
          INSERT INTO oca_warrants (indexnumberid, judgmentsequence, sequence, ordereddate, issueddate,
                                    issuancestayeddate, executionstayeddate, executiondate) VALUES
            ('STAYED', 1, 'A', '2024-02-01', '2024-02-10', '2024-02-12', NULL, NULL),
            ('STAYED', 1, 'B', '2024-03-01', '2024-03-05', NULL, '2024-03-20', '2024-04-01'),
            ('MISSING', 1, 'A', NULL, NULL, NULL, NULL, NULL);
          """);
      summary = read(st, "SELECT * FROM oca_case_summary");
    }
  }

  @Test
  void oneRowPerLiveCaseAndNoTombstonedCase() {
    assertEquals(
        List.of("AMENDED", "JUDGMENTS", "MISSING", "NO-WARRANT", "REQUESTED", "STAYED"),
        List.copyOf(summary.keySet()),
        "a case with rows whose id is tombstoned is left out (rule 6)");
  }

  @Test
  void caseColumnsAndFilingWeek() {
    assertEquals(
        columns("court", "Kings County Civil Court - Housing Part", "fileddate", "2024-01-03", "filed_year", "2024",
            "filed_week", "2024-01-01", "classification", "Non-Payment", "propertytype", "Residential",
            "status", "Disposed", "disposeddate", "2024-05-02", "disposedreason", "Settled"),
        select("NO-WARRANT", "court", "fileddate", "filed_year", "filed_week", "classification", "propertytype",
            "status", "disposeddate", "disposedreason"));
    assertEquals(
        columns("filed_year", "2023", "filed_week", "2023-12-25"),
        select("STAYED", "filed_year", "filed_week"), "the week starts on Monday");
  }

  @Test
  void boroughFromTheCourtElseFromTheGeocodedAddress() {
    assertEquals("BROOKLYN", value("NO-WARRANT", "borough"));
    assertEquals("MANHATTAN", value("JUDGMENTS", "borough"), "New York County is Manhattan");
    assertEquals("STATEN ISLAND", value("AMENDED", "borough"), "Richmond County");
    assertEquals("BRONX", value("STAYED", "borough"), "Yonkers court, address geocoded in the Bronx");
    assertEquals(null, value("REQUESTED", "borough"), "outside New York City");
  }

  @Test
  void postalCodeAndBblOnlyAboveTenUnits() {
    assertEquals(columns("postalcode", "11201", "bbl", "3000010001"), select("NO-WARRANT", "postalcode", "bbl"));
    assertEquals(
        columns("postalcode", "10301", "bbl", null), select("AMENDED", "postalcode", "bbl"),
        "ten units is not enough for a bbl (rule 15); of two postal codes the smallest");
    assertEquals(columns("postalcode", null, "bbl", null), select("MISSING", "postalcode", "bbl"));
  }

  @Test
  void appearancesFirstLastAndCount() {
    assertEquals(
        columns("first_appearance_date", "2024-02-01", "last_appearance_date", "2024-03-15", "appearances", "3"),
        select("NO-WARRANT", "first_appearance_date", "last_appearance_date", "appearances"));
    assertEquals(
        columns("first_appearance_date", null, "last_appearance_date", null, "appearances", "1"),
        select("MISSING", "first_appearance_date", "last_appearance_date", "appearances"));
    assertEquals("0", value("JUDGMENTS", "appearances"));
  }

  @Test
  void attorneysOnEitherSide() {
    assertEquals(
        columns("respondent_attorney", "f", "petitioner_attorney", "t"),
        select("NO-WARRANT", "respondent_attorney", "petitioner_attorney"), "pro se respondent");
    assertEquals(
        columns("respondent_attorney", "t", "petitioner_attorney", null),
        select("REQUESTED", "respondent_attorney", "petitioner_attorney"),
        "a respondent with Legal Services; no petitioner listed");
    assertEquals(
        columns("respondent_attorney", "t", "petitioner_attorney", "f"),
        select("STAYED", "respondent_attorney", "petitioner_attorney"));
    assertEquals(
        columns("respondent_attorney", null, "petitioner_attorney", null),
        select("JUDGMENTS", "respondent_attorney", "petitioner_attorney"), "no parties at all");
  }

  @Test
  void judgmentsWithOneVacatedOrAmended() {
    assertEquals(
        columns("judgments", "3", "possession_judgment", "t", "possession_judgment_status", "Entered",
            "judgment_amount", "1500"),
        select("JUDGMENTS", "judgments", "possession_judgment", "possession_judgment_status", "judgment_amount"),
        "the vacated judgment adds nothing; the latest possession judgment's status");
    assertEquals(
        columns("judgments", "2", "possession_judgment", "f", "possession_judgment_status", null,
            "judgment_amount", "900"),
        select("AMENDED", "judgments", "possession_judgment", "possession_judgment_status", "judgment_amount"),
        "an amended judgment counts only through the one that amends it");
    assertEquals(
        columns("judgments", "0", "possession_judgment", "f", "possession_judgment_status", null,
            "judgment_amount", null),
        select("NO-WARRANT", "judgments", "possession_judgment", "possession_judgment_status", "judgment_amount"));
    assertEquals(
        columns("judgments", "1", "possession_judgment", "f", "judgment_amount", null),
        select("MISSING", "judgments", "possession_judgment", "judgment_amount"));
  }

  @Test
  void noWarrant() {
    assertEquals(warrantColumns(false, null, false, null, false, null, false, null, false, null),
        warrants("NO-WARRANT"));
  }

  @Test
  void warrantRequestedButNeverIssued() {
    assertEquals(warrantColumns(true, "2024-03-28", false, null, false, null, false, null, false, null),
        warrants("REQUESTED"));
  }

  @Test
  void warrantsIssuedThenStayedThenOneExecuted() {
    assertEquals(
        warrantColumns(true, "2024-01-20", true, "2024-02-01", true, "2024-02-10", true, "2024-02-12", true,
            "2024-04-01"),
        warrants("STAYED"), "first dates over both warrants; a stay of issuance or of execution");
  }

  @Test
  void warrantWithoutDates() {
    assertEquals(warrantColumns(true, null, true, null, false, null, false, null, false, null),
        warrants("MISSING"), "requested and ordered, dates unknown; issued only with an issue date");
    assertEquals(
        columns("court", null, "borough", null, "fileddate", null, "filed_year", null, "filed_week", null),
        select("MISSING", "court", "borough", "fileddate", "filed_year", "filed_week"));
  }

  @Test
  void theStatusPageCountsTheCasesAsTheSummaryDoes() throws SQLException {
    LocalDate dataDate = LocalDate.of(2024, 6, 30);
    FilingTrends trends;
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO summary");
      trends = FilingTrends.read(c, dataDate);
    }

    // What the page shows, counted here from the view's rows.
    Map<String, long[]> perWeek = new LinkedHashMap<>();
    FilingTrends.BOROUGHS.forEach(b -> perWeek.put(b, new long[FilingTrends.WEEKS]));
    long[][] perMonth = new long[3][FilingTrends.MONTHS];
    for (Map<String, String> row : summary.values()) {
      if (row.get("fileddate") == null) {
        continue;
      }
      String borough = row.get("borough") == null ? FilingTrends.OUTSIDE_NYC : row.get("borough");
      perWeek.get(borough)[trends.weeks().indexOf(LocalDate.parse(row.get("filed_week")))]++;
      int month = trends.months().indexOf(YearMonth.from(LocalDate.parse(row.get("fileddate"))));
      perMonth[0][month]++;
      perMonth[1][month] += Long.parseLong(row.get("judgments")) > 0 ? 1 : 0;
      perMonth[2][month] += row.get("warrant_issued").equals("t") ? 1 : 0;
    }
    assertEquals(text(perWeek), text(trends.filedPerWeek()));
    assertEquals(Arrays.toString(perMonth[0]), Arrays.toString(trends.filed()), "filed");
    assertEquals(Arrays.toString(perMonth[1]), Arrays.toString(trends.judged()), "judged");
    assertEquals(Arrays.toString(perMonth[2]), Arrays.toString(trends.warranted()), "warrant issued");
  }

  private static Map<String, String> text(Map<String, long[]> counts) {
    Map<String, String> text = new LinkedHashMap<>();
    counts.forEach((key, values) -> text.put(key, Arrays.toString(values)));
    return text;
  }

  private static final List<String> WARRANT_COLUMNS = List.of("warrant_requested", "warrant_requested_date",
      "warrant_ordered", "warrant_ordered_date", "warrant_issued", "warrant_issued_date", "warrant_stayed",
      "warrant_stayed_date", "warrant_executed", "warrant_executed_date");

  private static Map<String, String> warrants(String caseId) {
    return select(caseId, WARRANT_COLUMNS.toArray(String[]::new));
  }

  private static Map<String, String> warrantColumns(Object... flagsAndDates) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < flagsAndDates.length; i++) {
      Object v = flagsAndDates[i];
      expected.put(WARRANT_COLUMNS.get(i), v instanceof Boolean b ? (b ? "t" : "f") : (String) v);
    }
    return expected;
  }

  private static String value(String caseId, String column) {
    return select(caseId, column).get(column);
  }

  private static Map<String, String> select(String caseId, String... columns) {
    Map<String, String> row = summary.get(caseId);
    Map<String, String> selected = new LinkedHashMap<>();
    for (String column : columns) {
      if (!row.containsKey(column)) {
        throw new IllegalArgumentException("oca_case_summary has no column " + column);
      }
      selected.put(column, row.get(column));
    }
    return selected;
  }

  private static Map<String, String> columns(String... namesAndValues) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      expected.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return expected;
  }

  /** Every row as PostgreSQL's text of each column (booleans "t"/"f"), by case id. */
  private static Map<String, Map<String, String>> read(Statement st, String query) throws SQLException {
    Map<String, Map<String, String>> rows = new TreeMap<>();
    try (ResultSet rs = st.executeQuery(query)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.put(meta.getColumnName(i), v instanceof Boolean b ? (b ? "t" : "f") : rs.getString(i));
        }
        rows.put(row.get("indexnumberid"), row);
      }
    }
    return rows;
  }
}
