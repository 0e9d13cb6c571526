package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ocaetl.model.OcaTable;

class CaseConverterTest {
  private final CaseConverter converter = new CaseConverter();

  private CaseRows staged(String indexXml) {
    ExtractCase result = converter.convert(Trees.parse(indexXml));
    return assertInstanceOf(ExtractCase.Staged.class, result, () -> "not staged: " + result).rows();
  }

  private RejectedCase failed(String indexXml) {
    ExtractCase result = converter.convert(Trees.parse(indexXml));
    return assertInstanceOf(ExtractCase.Failed.class, result, () -> "not failed: " + result).failure();
  }

  private static String index(String inner) {
    return "<Index><IndexNumberId>id-1</IndexNumberId>" + inner + "</Index>";
  }

  private static Object column(Object[] row, OcaTable table, String name) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(name)) {
        return row[i];
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Object only(CaseRows rows, OcaTable table, String column) {
    assertEquals(1, rows.rows(table).size(), table.tableName());
    return column(rows.rows(table).get(0), table, column);
  }

  @Test
  void scalarIsTheFirstDirectChildUnchanged() {
    CaseRows rows =
        staged(
            index(
                "<Parties><Party><Court>nested, not a scalar of Index</Court></Party></Parties>"
                    + "<Court>  Bronx &amp; Kings\n Court </Court><Court>second</Court>"
                    + "<Status><![CDATA[A<B]]> &lt;C</Status>"));
    assertEquals("  Bronx & Kings\n Court ", only(rows, OcaTable.OCA_INDEX, "court"));
    assertEquals("A<B <C", only(rows, OcaTable.OCA_INDEX, "status"));
  }

  @Test
  void missingAndEmptyElementsAreNullButWhitespaceIsKept() {
    CaseRows rows =
        staged(index("<Court/><Status></Status><Classification>   </Classification>"));
    assertNull(only(rows, OcaTable.OCA_INDEX, "court"));
    assertNull(only(rows, OcaTable.OCA_INDEX, "status"));
    assertNull(only(rows, OcaTable.OCA_INDEX, "firstpaper"));
    assertEquals("   ", only(rows, OcaTable.OCA_INDEX, "classification"));
  }

  @Test
  void valuesAreConvertedToTheirColumnTypes() {
    CaseRows rows =
        staged(
            index(
                "<FiledDate>2025-05-12</FiledDate><PrimaryClaimTotal>5000.00</PrimaryClaimTotal>"
                    + "<Judgments><Judgment><Sequence>2</Sequence><WithPossession>false</WithPossession>"
                    + "<EnteredDateTime>2025-06-20T14:05:00</EnteredDateTime>"
                    + "<TotalJudgmentAmount>0.125</TotalJudgmentAmount></Judgment></Judgments>"
                    + "<Parties><Party><Undertenant>true</Undertenant></Party></Parties>"));
    assertEquals(LocalDate.of(2025, 5, 12), only(rows, OcaTable.OCA_INDEX, "fileddate"));
    assertEquals("5000.00", only(rows, OcaTable.OCA_INDEX, "primaryclaimtotal"));
    assertEquals(2, only(rows, OcaTable.OCA_JUDGMENTS, "sequence"));
    assertEquals(false, only(rows, OcaTable.OCA_JUDGMENTS, "withpossession"));
    assertEquals(
        LocalDateTime.of(2025, 6, 20, 14, 5), only(rows, OcaTable.OCA_JUDGMENTS, "entereddatetime"));
    assertEquals("0.125", only(rows, OcaTable.OCA_JUDGMENTS, "totaljudgmentamount"));
    assertEquals("true", only(rows, OcaTable.OCA_PARTIES, "undertenant"), "Undertenant stays text");
  }

  @Test
  void repeatedGroupIsEveryItemAtAnyDepthUnderTheFirstContainer() {
    CaseRows rows =
        staged(
            index(
                "<Parties><Party><Role>A</Role></Party><Wrapper><Party><Role>B</Role></Party></Wrapper>"
                    + "<Party/></Parties><Parties><Party><Role>second container</Role></Party></Parties>"));
    List<Object[]> parties = rows.rows(OcaTable.OCA_PARTIES);
    assertEquals(3, parties.size());
    assertEquals("A", column(parties.get(0), OcaTable.OCA_PARTIES, "role"));
    assertEquals("B", column(parties.get(1), OcaTable.OCA_PARTIES, "role"));
    assertNull(column(parties.get(2), OcaTable.OCA_PARTIES, "role"));
    assertEquals("id-1", column(parties.get(2), OcaTable.OCA_PARTIES, "indexnumberid"));
  }

  @Test
  void missingOrEmptySectionsGiveNoRows() {
    CaseRows rows = staged(index("<Parties/><Events></Events>"));
    assertEquals(1, rows.rows(OcaTable.OCA_INDEX).size());
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      assertTrue(rows.rows(child).isEmpty(), child.tableName());
    }
  }

  @Test
  void arraysSkipMissingAndEmptyElementsAndKeepEverythingElse() {
    CaseRows rows =
        staged(
            index(
                "<SpecialtyDesignations><SpecialtyDesignationType>HP</SpecialtyDesignationType>"
                    + "<SpecialtyDesignationType/><SpecialtyDesignationType>a, \"b\" {c} \\d </SpecialtyDesignationType>"
                    + "</SpecialtyDesignations>"
                    + "<Events><Event><FilingParties><FilingParty><Role>Respondent</Role></FilingParty>"
                    + "<FilingParty/><FilingParty><Role></Role></FilingParty></FilingParties></Event>"
                    + "<Event><FilingParties><FilingParty/></FilingParties></Event><Event/></Events>"));
    assertEquals(
        List.of("HP", "a, \"b\" {c} \\d "), only(rows, OcaTable.OCA_INDEX, "specialtydesignationtypes"));
    List<Object[]> events = rows.rows(OcaTable.OCA_EVENTS);
    assertEquals(List.of("Respondent"), column(events.get(0), OcaTable.OCA_EVENTS, "filingpartiesroles"));
    assertNull(column(events.get(1), OcaTable.OCA_EVENTS, "filingpartiesroles"), "empty array is NULL");
    assertNull(column(events.get(2), OcaTable.OCA_EVENTS, "filingpartiesroles"));
  }

  @Test
  void warrantPropertyArraysAreParallelWithNullElements() {
    CaseRows rows =
        staged(
            index(
                "<Judgments><Judgment><Sequence>1</Sequence><Warrants>"
                    + "<Warrant><Sequence>A</Sequence><PropertiesOnWarrant>"
                    + "<PropertyOnWarrant><City>Bronx</City><State>NY</State><PostalCode>10451</PostalCode></PropertyOnWarrant>"
                    + "<PropertyOnWarrant><City>Queens</City><PostalCode></PostalCode></PropertyOnWarrant>"
                    + "</PropertiesOnWarrant></Warrant>"
                    + "<Warrant><Sequence>B</Sequence><PropertiesOnWarrant/></Warrant>"
                    + "<Warrant><Sequence>C</Sequence></Warrant>"
                    + "</Warrants></Judgment></Judgments>"));
    List<Object[]> warrants = rows.rows(OcaTable.OCA_WARRANTS);
    assertEquals(3, warrants.size());
    OcaTable w = OcaTable.OCA_WARRANTS;
    assertEquals(List.of("Bronx", "Queens"), column(warrants.get(0), w, "propertiesonwarrantcities"));
    assertEquals(
        Arrays.asList("NY", null), column(warrants.get(0), w, "propertiesonwarrantstates"));
    assertEquals(
        Arrays.asList("10451", null), column(warrants.get(0), w, "propertiesonwarrantpostalcodes"));
    for (int i = 1; i < 3; i++) {
      assertNull(column(warrants.get(i), w, "propertiesonwarrantcities"));
      assertNull(column(warrants.get(i), w, "propertiesonwarrantstates"));
      assertNull(column(warrants.get(i), w, "propertiesonwarrantpostalcodes"));
    }
  }

  @Test
  void warrantsOfEveryJudgmentCarryTheirJudgmentSequence() {
    CaseRows rows =
        staged(
            index(
                "<Judgments>"
                    + "<Judgment><Sequence>1</Sequence><Warrants><Warrant><Sequence>A</Sequence></Warrant></Warrants></Judgment>"
                    + "<Judgment><Sequence>2</Sequence></Judgment>"
                    + "<Judgment><Sequence>3</Sequence><Warrants><Warrant><Sequence>A</Sequence></Warrant>"
                    + "<Warrant><Sequence>B</Sequence></Warrant></Warrants></Judgment>"
                    + "<Judgment><Warrants><Warrant><Sequence>Z</Sequence></Warrant></Warrants></Judgment>"
                    + "</Judgments>"));
    assertEquals(4, rows.rows(OcaTable.OCA_JUDGMENTS).size());
    List<Object[]> warrants = rows.rows(OcaTable.OCA_WARRANTS);
    OcaTable w = OcaTable.OCA_WARRANTS;
    assertEquals(
        List.of("1/A", "3/A", "3/B", "null/Z"),
        warrants.stream()
            .map(r -> column(r, w, "judgmentsequence") + "/" + column(r, w, "sequence"))
            .toList());
  }

  @Test
  void motionsDecisionsAndJudgmentsAreDirectChildrenOfIndex() {
    CaseRows rows =
        staged(
            index(
                "<Appearances><Appearance><Motions><Motion><Sequence>9</Sequence></Motion></Motions>"
                    + "<Judgments><Judgment><Sequence>9</Sequence></Judgment></Judgments></Appearance></Appearances>"
                    + "<Motions><Motion><Sequence>1</Sequence></Motion></Motions>"
                    + "<Decisions><Decision><Sequence>1</Sequence></Decision></Decisions>"));
    assertEquals(1, only(rows, OcaTable.OCA_MOTIONS, "sequence"));
    assertEquals(1, only(rows, OcaTable.OCA_DECISIONS, "sequence"));
    assertTrue(rows.rows(OcaTable.OCA_JUDGMENTS).isEmpty());
  }

  @Test
  void outcomesCarryTheirAppearancesDeterministicId() {
    String xml =
        index(
            "<Appearances>"
                + "<Appearance><AppearancePurpose>first</AppearancePurpose><AppearanceOutcomes>"
                + "<AppearanceOutcome><AppearanceOutcomeType>Adjourned</AppearanceOutcomeType></AppearanceOutcome>"
                + "<AppearanceOutcome><AppearanceOutcomeType>Settled</AppearanceOutcomeType>"
                + "<OutcomeBasedOnType>Motion</OutcomeBasedOnType></AppearanceOutcome>"
                + "</AppearanceOutcomes></Appearance>"
                + "<Appearance><AppearancePurpose>second</AppearancePurpose></Appearance>"
                + "<Appearance><AppearanceOutcomes><AppearanceOutcome><AppearanceOutcomeType>X</AppearanceOutcomeType>"
                + "</AppearanceOutcome></AppearanceOutcomes></Appearance>"
                + "</Appearances>");
    CaseRows rows = staged(xml);
    List<Object[]> appearances = rows.rows(OcaTable.OCA_APPEARANCES);
    List<Object[]> outcomes = rows.rows(OcaTable.OCA_APPEARANCE_OUTCOMES);
    OcaTable a = OcaTable.OCA_APPEARANCES;
    OcaTable o = OcaTable.OCA_APPEARANCE_OUTCOMES;
    long first = (Long) column(appearances.get(0), a, "appearanceid");
    long third = (Long) column(appearances.get(2), a, "appearanceid");
    assertEquals(first, column(outcomes.get(0), o, "appearanceid"));
    assertEquals(first, column(outcomes.get(1), o, "appearanceid"));
    assertEquals(third, column(outcomes.get(2), o, "appearanceid"));
    assertNull(column(outcomes.get(0), o, "outcomebasedontype"), "missing OutcomeBasedOnType");
    assertEquals("Motion", column(outcomes.get(1), o, "outcomebasedontype"));
    assertEquals(3, appearances.stream().map(r -> column(r, a, "appearanceid")).distinct().count());
    assertTrue(first >= 0 && third >= 0);

    CaseRows again = new CaseConverter().convert(Trees.parse(xml)) instanceof ExtractCase.Staged s ? s.rows() : null;
    assertEquals(first, column(again.rows(a).get(0), a, "appearanceid"), "stable across conversions");
  }

  @Test
  void appearanceIdsDependOnCaseAndOrdinal() {
    AppearanceIds ids = new AppearanceIds();
    assertEquals(ids.of("case", 1), new AppearanceIds().of("case", 1));
    assertNotEquals(ids.of("case", 1), ids.of("case", 2));
    assertNotEquals(ids.of("case", 1), ids.of("case2", 1));
    assertNotEquals(ids.of("case1", 1), ids.of("case", 11), "NUL separates id and ordinal");
  }

  @Test
  void deleteRecordIsAnIndexWithADeleteChild() {
    ExtractCase result = converter.convert(Trees.parse(index("<Delete/>")));
    assertEquals(new ExtractCase.Deleted("id-1"), result);
  }

  @Test
  void missingIdFailsTheCase() {
    RejectedCase failure = failed("<Index><Court>Bronx</Court></Index>");
    assertNull(failure.caseId());
    assertEquals("IndexNumberId", failure.element());
    assertTrue(failure.reason().startsWith("missing IndexNumberId"), failure.reason());
    assertEquals("IndexNumberId", failed("<Index><IndexNumberId/><Delete/></Index>").element());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<FiledDate>2025-02-30</FiledDate>|FiledDate|2025-02-30|not a real calendar date",
        "<DisposedDate>06/30/2025</DisposedDate>|DisposedDate|06/30/2025|not a date YYYY-MM-DD",
        "<PrimaryClaimTotal>1,000</PrimaryClaimTotal>|PrimaryClaimTotal|1,000|not a decimal number",
        "<Appearances><Appearance><AppearanceDateTime>2025-06-02 09:30</AppearanceDateTime></Appearance></Appearances>"
            + "|Appearances/Appearance/AppearanceDateTime|2025-06-02 09:30|not a timestamp",
        "<Appearances><Appearance><MotionSequence>one</MotionSequence></Appearance></Appearances>"
            + "|Appearances/Appearance/MotionSequence|one|not an integer",
        "<Judgments><Judgment><Sequence>1.5</Sequence></Judgment></Judgments>|Judgments/Judgment/Sequence|1.5|not an integer",
        "<Judgments><Judgment><WithPossession>yes</WithPossession></Judgment></Judgments>"
            + "|Judgments/Judgment/WithPossession|yes|not a boolean",
        "<Judgments><Judgment><Warrants><Warrant><IssuanceStayedDays>99999999999</IssuanceStayedDays>"
            + "</Warrant></Warrants></Judgment></Judgments>"
            + "|Judgments/Judgment/Warrants/Warrant/IssuanceStayedDays|99999999999|integer out of range",
        "<PrimaryClaimCauseOfActions><PrimaryClaimCauseOfAction><Amount>NaN</Amount></PrimaryClaimCauseOfAction>"
            + "</PrimaryClaimCauseOfActions>|PrimaryClaimCauseOfActions/PrimaryClaimCauseOfAction/Amount|NaN|not a decimal",
      })
  void invalidValueFailsTheCaseWithElementValueAndReason(
      String inner, String element, String value, String reason) {
    RejectedCase failure = failed(index("<Court>ok</Court>" + inner));
    assertEquals("id-1", failure.caseId());
    assertEquals(element, failure.element());
    assertEquals(value, failure.value());
    assertTrue(failure.reason().startsWith(reason), failure.reason());
    assertTrue(failure.reason().contains("(line 1)"), failure.reason());
  }

  @Test
  void longValuesAreCutInFailures() {
    RejectedCase failure = failed(index("<FiledDate>" + "9".repeat(5000) + "</FiledDate>"));
    assertEquals("9".repeat(FailureValues.MAX_LENGTH) + "… (5000 characters)", failure.value());
  }

  @Test
  void everyValueExactlyAtItsColumnLimitConverts() {
    String id = LimitCases.worst(256, 1);
    CaseRows rows =
        staged(LimitCases.index(id, slot -> LimitCases.valueOf(slot, slot.column().maxLength(), 2)));
    assertEquals(id, only(rows, OcaTable.OCA_INDEX, "indexnumberid"));
    String highlight = (String) only(rows, OcaTable.OCA_DECISIONS, "highlight");
    assertEquals(2 * 1024 * 1024, highlight.codePointCount(0, highlight.length()));
  }

  @Test
  void aValueOverItsColumnLimitFailsTheCaseWithElementLengthAndLimit() {
    List<LimitCases.Slot> slots = LimitCases.slots();
    assertTrue(slots.size() > 40, "every text, numeric and array value: " + slots.size());
    for (LimitCases.Slot over : slots) {
      int limit = over.column().maxLength();
      String text = LimitCases.valueOf(over, limit + 1, 3);
      RejectedCase failure =
          failed(LimitCases.index("id-1", slot -> slot.equals(over) ? text : LimitCases.valueOf(slot, 2, 4)));
      assertEquals("id-1", failure.caseId(), over.element());
      assertEquals(over.element(), failure.element());
      assertTrue(
          failure.reason().startsWith("too long: " + (limit + 1) + " characters, limit " + limit + " (line 1)"),
          failure.reason());
      if (over.isAddress()) {
        assertEquals(FailureValues.REDACTED, failure.value(), over.element());
      } else {
        assertTrue(failure.value().length() < 300, "cut short: " + over.element());
        assertTrue(text.startsWith(failure.value().substring(0, 100)), over.element());
      }
    }
  }

  @Test
  void aStreetOfFiveThousandCharactersFailsRedacted() {
    RejectedCase failure =
        failed(
            index(
                "<PropertyAddresses><PropertyAddress><Street1>"
                    + "1000 Example Avenue ".repeat(250)
                    + "</Street1></PropertyAddress></PropertyAddresses>"));
    assertEquals("PropertyAddresses/PropertyAddress/Street1", failure.element());
    assertEquals(FailureValues.REDACTED, failure.value());
    assertEquals("too long: 5000 characters, limit 1024 (line 1)", failure.reason());
  }

  @Test
  void anIdOverItsLimitIsReportedCutShortAndNamesNoCase() {
    String id = "9".repeat(10_000);
    for (String xml :
        List.of(
            "<Index><IndexNumberId>" + id + "</IndexNumberId><Court>x</Court></Index>",
            "<Index><IndexNumberId>" + id + "</IndexNumberId><Delete/></Index>")) {
      ExtractCase.Failed result =
          assertInstanceOf(ExtractCase.Failed.class, converter.convert(Trees.parse(xml)));
      assertNull(result.caseId(), "no record of the file can refer to it");
      String cut = "9".repeat(FailureValues.MAX_LENGTH) + "… (10000 characters)";
      assertEquals(
          new RejectedCase(cut, "IndexNumberId", cut, "too long: 10000 characters, limit 256 (line 1)"),
          result.failure());
    }
    String astral = "\uD835\uDD38";
    assertEquals(astral.repeat(256), only(staged("<Index><IndexNumberId>" + astral.repeat(256)
        + "</IndexNumberId></Index>"), OcaTable.OCA_INDEX, "indexnumberid"));
  }

  @Test
  void addressValuesAreRedacted() {
    for (String element :
        List.of(
            "PropertyAddresses/PropertyAddress/Street1",
            "PropertyAddresses/PropertyAddress/Street2",
            "PropertyAddresses/PropertyAddress/City",
            "PropertyAddresses/PropertyAddress/PostalCode",
            "Judgments/Judgment/Warrants/Warrant/PropertiesOnWarrant/PropertyOnWarrant/City")) {
      assertEquals(FailureValues.REDACTED, FailureValues.reportable(element, "1000 Example Avenue"));
    }
    assertEquals("x", FailureValues.reportable("FiledDate", "x"));
    assertNull(FailureValues.reportable("PropertyAddresses/PropertyAddress/Street1", null));
  }

  @Test
  void mappingsCoverTheCatalogColumnsInOrder() {
    for (TableMapping mapping : CaseMappings.ALL) {
      int staged = mapping.columns().size();
      int expected = mapping.table() == OcaTable.OCA_ADDRESSES ? 6 : mapping.table().columns().size();
      assertEquals(expected, staged, mapping.table().tableName());
      assertArrayEquals(
          mapping.table().columns().subList(0, staged).toArray(), mapping.columns().toArray());
    }
    assertEquals(OcaTable.DATA_TABLES, CaseMappings.ALL.stream().map(TableMapping::table).toList());
  }
}
