package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.testing.TestExtracts;

/** The full example case ({@code example-5.1-index.xml}: every section and value kind) yields exactly the rows listed there, in both envelopes. */
class ExampleCaseTest {
  private static final String ID = "88411d20344181c5695dd3d9b38dea6afd5135f35771527d162b2e6adea91e56";
  private static final String INDEX = TestExtracts.resource(ExampleCaseTest.class, "example-5.1-index.xml");
  private static final String NAME = "LandlordTenant.Incr.2025-07-06.zip";

  @TempDir Path dir;

  @Test
  void exampleCaseYieldsExactlyTheListedRows() throws Exception {
    Path zip = TestExtracts.zip(dir, NAME, TestExtracts.extract("2025-07-06", INDEX));
    StagedFile file = StagedFile.of(zip, dir);

    assertEquals(
        List.of(
            String.join(",", OcaTable.OCA_INDEX.columnList()),
            ID + ",Bronx Housing Court,2025-05-12,Residential,Non-Payment,\"{\"\"HP\"\",\"\"RTC\"\"}\","
                + "Disposed,2025-06-30,Judgment,Petition,11214,"),
        file.lines(OcaTable.OCA_INDEX));
    assertEquals(List.of(ID + ",Rent,2025-01-01,11214.00"), file.rows(OcaTable.OCA_CAUSES));
    assertEquals(
        List.of(ID + ",1000 Example Avenue,Apt 4B,Bronx,NY,10451" + ",".repeat(20)),
        file.rows(OcaTable.OCA_ADDRESSES));
    assertEquals(OcaTable.OCA_ADDRESSES.columnList(), file.lines(OcaTable.OCA_ADDRESSES).get(0));
    assertEquals(
        List.of(
            ID + ",Petitioner,Business,Attorney,false",
            ID + ",Respondent,Individual,Self-Represented,false"),
        file.rows(OcaTable.OCA_PARTIES));
    assertEquals(
        List.of(ID + ",Answer,2025-05-20,No Fee,\"{\"\"Respondent\"\"}\",Oral"),
        file.rows(OcaTable.OCA_EVENTS));

    List<String> appearances = file.rows(OcaTable.OCA_APPEARANCES);
    assertEquals(1, appearances.size());
    String appearanceId = appearances.get(0).split(",")[1];
    assertTrue(Long.parseLong(appearanceId) >= 0);
    assertEquals(
        ID + "," + appearanceId + ",2025-06-02 09:30:00,Motion,Order to Show Cause,Part X,1",
        appearances.get(0));
    assertEquals(
        List.of(ID + "," + appearanceId + ",Adjourned,Motion"),
        file.rows(OcaTable.OCA_APPEARANCE_OUTCOMES));
    assertEquals(
        List.of(
            ID + ",1,Order to Show Cause,Stay,2025-05-28,\"{\"\"Respondent\"\"}\",Granted,2025-06-02"),
        file.rows(OcaTable.OCA_MOTIONS));
    assertTrue(
        file.csv(OcaTable.OCA_DECISIONS)
            .endsWith(
                ID + ",1,Motion,\".....Decision: Granted\n.....Stayed Until: 2025-06-16\"\n"),
        "the highlight keeps its line break");
    assertEquals(
        List.of(
            ID + ",1,,Possession and Money,2025-06-20,2025-06-20 14:05:00,true,Entered,2025-06-20,"
                + "11214.50,\"{\"\"Petitioner\"\"}\",\"{\"\"Respondent\"\"}\""),
        file.rows(OcaTable.OCA_JUDGMENTS));
    assertEquals(
        List.of(
            ID + ",1,A,Judgment,2025-06-20,Regular,,10,2025-07-01,,,,2025-06-23,,Marshal,,"
                + "\"{\"\"Bronx\"\"}\",\"{\"\"NY\"\"}\",\"{\"\"10451\"\"}\",,,,,,"),
        file.rows(OcaTable.OCA_WARRANTS));
    assertEquals(List.of(ID + ",2025-07-06,2025-07-06,"), file.rows(OcaTable.OCA_METADATA));

    ParseReport parse = file.parse();
    assertEquals(NAME, parse.fileName());
    assertEquals(LocalDate.of(2025, 7, 6), parse.extractDate());
    assertEquals(List.of(), parse.warnings());
    assertEquals(1, parse.casesSeen());
    assertEquals(1, parse.casesStaged());
    assertEquals(0, parse.casesDeleted());
    assertEquals(0, parse.casesFailed());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))),
        parse.sha256());
    assertEquals(
        TestExtracts.extract("2025-07-06", INDEX).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        parse.xmlBytes());
    for (OcaTable table : OcaTable.values()) {
      long expected =
          switch (table) {
            case OCA_PARTIES -> 2;
            default -> 1;
          };
      assertEquals(expected, file.export().rowsPerTable().get(table.tableName()), table.tableName());
    }
    assertEquals(
        java.util.Arrays.stream(OcaTable.values()).map(OcaTable::tableName).toList(),
        List.copyOf(file.export().rowsPerTable().keySet()));
  }

  @Test
  void bothEnvelopeShapesGiveTheSameCsvs() throws Exception {
    Path fixtureShape = dir.resolve("fixture");
    Path pdfShape = dir.resolve("pdf");
    Files.createDirectories(fixtureShape);
    Files.createDirectories(pdfShape);
    String second = TestExtracts.index("other-id", "<Court>Kings</Court>");
    StagedFile a =
        StagedFile.of(
            TestExtracts.zip(fixtureShape, NAME, TestExtracts.extract("2025-07-06", INDEX, second)),
            fixtureShape);
    StagedFile b =
        StagedFile.of(
            TestExtracts.zip(pdfShape, NAME, TestExtracts.pdfExtract("2025-07-06", INDEX, second)),
            pdfShape);
    for (OcaTable table : OcaTable.values()) {
      assertEquals(a.csv(table), b.csv(table), table.tableName());
    }
    assertEquals(2, b.parse().casesStaged());
    assertEquals(List.of(), b.parse().warnings());
  }

  @Test
  void appearanceIdsAreStableAcrossParses() throws Exception {
    String twoAppearances =
        TestExtracts.index(
            "case-x",
            "<Appearances><Appearance><AppearancePart>1</AppearancePart><AppearanceOutcomes>"
                + "<AppearanceOutcome><AppearanceOutcomeType>a</AppearanceOutcomeType></AppearanceOutcome>"
                + "</AppearanceOutcomes></Appearance><Appearance><AppearancePart>2</AppearancePart>"
                + "<AppearanceOutcomes><AppearanceOutcome><AppearanceOutcomeType>b</AppearanceOutcomeType>"
                + "</AppearanceOutcome></AppearanceOutcomes></Appearance></Appearances>");
    String xml = TestExtracts.extract("2025-07-06", INDEX, twoAppearances);
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    StagedFile a = StagedFile.of(TestExtracts.zip(first, NAME, xml), first);
    StagedFile b = StagedFile.of(TestExtracts.zip(second, NAME, xml), second);
    assertEquals(a.csv(OcaTable.OCA_APPEARANCES), b.csv(OcaTable.OCA_APPEARANCES));
    assertEquals(a.csv(OcaTable.OCA_APPEARANCE_OUTCOMES), b.csv(OcaTable.OCA_APPEARANCE_OUTCOMES));

    List<String> appearanceIds =
        a.rows(OcaTable.OCA_APPEARANCES).stream().map(l -> l.split(",")[1]).toList();
    List<String> outcomeIds =
        a.rows(OcaTable.OCA_APPEARANCE_OUTCOMES).stream().map(l -> l.split(",")[1]).toList();
    assertEquals(3, appearanceIds.size());
    assertEquals(appearanceIds, outcomeIds, "each outcome links to its own appearance");
    assertEquals(3, appearanceIds.stream().distinct().count());
    assertNotEquals(appearanceIds.get(1), appearanceIds.get(2));
  }
}
