package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.parse.FailureValues;
import org.ocaetl.parse.RejectedCase;
import org.ocaetl.testing.TestExtracts;

/** docs/processing-rules.md#rule-1, #rule-4, #rule-6, #rule-8 within one file: extract date, last occurrence wins, deletes, failed cases. */
class FileRulesTest {
  private static final String NAME = "LandlordTenant.Incr.2025-07-06.zip";

  @TempDir Path dir;

  private static String court(String id, String court, int parties) {
    return TestExtracts.index(
        id,
        "<Court>" + court + "</Court><Parties>"
            + ("<Party><Role>" + court + "</Role></Party>").repeat(parties)
            + "</Parties>");
  }

  private static String badDate(String id) {
    return TestExtracts.index(id, "<Court>bad</Court><FiledDate>2025-02-30</FiledDate>");
  }

  @Test
  void lastOccurrenceOfAnIdWinsDeletesAreFinalAndFailedLastOccurrencesLeaveTheIdUntouched()
      throws Exception {
    String xml =
        TestExtracts.extract(
            "2025-07-06",
            court("A", "A1", 2),
            court("B", "B1", 1),
            court("A", "A2", 1), // duplicate id: the later version replaces the earlier one
            court("C", "C1", 1),
            TestExtracts.deleteRecord("C"), // delete after add deletes
            TestExtracts.deleteRecord("E"),
            court("E", "E1", 1), // add after delete: the delete is final (docs/processing-rules.md#rule-6)
            court("F", "F1", 1),
            badDate("F"), // failed last occurrence: F untouched by this file
            badDate("G"),
            court("G", "G1", 1), // failed earlier, converted later: G staged
            "<Index><Court>no id</Court></Index>",
            TestExtracts.deleteRecord("H"),
            TestExtracts.deleteRecord("H"));
    StagedFile file = StagedFile.of(TestExtracts.zip(dir, NAME, xml), dir);

    // Rows come ordered by case id (the order the promotion inserts fastest).
    assertEquals(
        List.of("A,A2", "B,B1", "G,G1"),
        file.rows(OcaTable.OCA_INDEX).stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 2))).toList());
    assertEquals(
        List.of("A,A2,,,", "B,B1,,,", "G,G1,,,"), file.rows(OcaTable.OCA_PARTIES));
    assertEquals(
        List.of(
            "A,2025-07-06,2025-07-06,",
            "B,2025-07-06,2025-07-06,",
            "C,2025-07-06,2025-07-06,2025-07-06", // C1 and E1 still count for updatedate (docs/processing-rules.md#rule-7)
            "E,2025-07-06,2025-07-06,2025-07-06",
            "G,2025-07-06,2025-07-06,",
            "H,2025-07-06,,2025-07-06"),
        file.rows(OcaTable.OCA_METADATA));

    ParseReport parse = file.parse();
    assertEquals(14, parse.casesSeen());
    assertEquals(3, parse.casesStaged());
    assertEquals(3, parse.casesDeleted());
    assertEquals(3, parse.casesFailed());
    assertEquals(
        List.of(
            new RejectedCase("F", "FiledDate", "2025-02-30", "not a real calendar date (line 12)"),
            new RejectedCase("G", "FiledDate", "2025-02-30", "not a real calendar date (line 13)"),
            new RejectedCase(null, "IndexNumberId", null, "missing IndexNumberId (line 15)")),
        parse.failures());
    assertEquals(3, file.export().rowsPerTable().get("oca_index"));
    assertEquals(6, file.export().rowsPerTable().get("oca_metadata"));
    assertEquals(0, file.export().rowsPerTable().get("oca_warrants"));
  }

  @Test
  void reportJsonHoldsCountersAndEveryFailure() throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < ParseReport.FAILURE_SAMPLE + 20; i++) {
      cases.add(badDate("bad-" + i));
      cases.add(court("good-" + i, "ok", 1));
    }
    cases.add(
        TestExtracts.index(
            "addr",
            "<PropertyAddresses><PropertyAddress><Street1>1000 Example Avenue</Street1></PropertyAddress>"
                + "</PropertyAddresses><FiledDate>x</FiledDate>"));
    StagedFile file =
        StagedFile.of(
            TestExtracts.zip(dir, NAME, TestExtracts.extract("2025-07-06", cases.toArray(String[]::new))),
            dir);
    assertEquals(ParseReport.FAILURE_SAMPLE, file.parse().failures().size(), "the report samples");

    JsonNode report = new ObjectMapper().readTree(file.outDir().resolve("report.json").toFile());
    assertEquals(NAME, report.get("fileName").asText());
    assertEquals(file.parse().sha256(), report.get("sha256").asText());
    assertEquals("2025-07-06", report.get("extractDate").asText());
    assertEquals(cases.size(), report.at("/cases/seen").asLong());
    assertEquals(120, report.at("/cases/staged").asLong());
    assertEquals(0, report.at("/cases/deleted").asLong());
    assertEquals(121, report.at("/cases/failed").asLong());
    assertEquals(120, report.at("/rowsPerTable/oca_index").asLong());
    assertEquals(120, report.at("/rowsPerTable/oca_parties").asLong());
    assertEquals(12, report.get("rowsPerTable").size());
    assertTrue(report.at("/timingsMillis/parse").asLong() >= 0);
    assertTrue(report.at("/timingsMillis/export").asLong() >= 0);
    assertTrue(report.get("peakHeapBytes").asLong() > 0);
    JsonNode failures = report.get("failures");
    assertEquals(121, failures.size(), "every failure, not the sample");
    assertEquals("bad-0", failures.get(0).get("caseId").asText());
    assertEquals(0, failures.get(0).get("caseSeq").asLong());
    assertEquals("FiledDate", failures.get(120).get("element").asText());
    assertEquals("addr", failures.get(120).get("caseId").asText());
    String json = Files.readString(file.outDir().resolve("report.json"));
    assertTrue(!json.contains("1000 Example Avenue"), "no street address in the report");
  }

  @Test
  void failedCaseValueOfAnAddressElementIsRedactedInTheReport() {
    assertEquals(
        FailureValues.REDACTED,
        FailureValues.reportable("PropertyAddresses/PropertyAddress/Street1", "1000 Example Avenue"));
  }

  @Test
  void runDateDisagreeingWithTheNameWinsWithAWarning() throws Exception {
    StagedFile file =
        StagedFile.of(
            TestExtracts.zip(dir, NAME, TestExtracts.extract("2025-07-05", court("A", "x", 1))), dir);
    assertEquals(LocalDate.of(2025, 7, 5), file.parse().extractDate());
    assertEquals(
        List.of("RunDate 2025-07-05 disagrees with the file name's date 2025-07-06; using RunDate"),
        file.parse().warnings());
    assertEquals(List.of("A,2025-07-05,2025-07-05,"), file.rows(OcaTable.OCA_METADATA));
  }

  @Test
  void missingRunDateFallsBackToTheNameWithAWarning() throws Exception {
    StagedFile file =
        StagedFile.of(TestExtracts.zip(dir, NAME, TestExtracts.extract(null, court("A", "x", 1))), dir);
    assertEquals(LocalDate.of(2025, 7, 6), file.parse().extractDate());
    assertEquals(1, file.parse().warnings().size());
    assertTrue(file.parse().warnings().get(0).contains("RunDate element missing"));
  }

  @Test
  void runDateAfterTheFirstIndexDoesNotCount() throws Exception {
    String xml =
        TestExtracts.extract(null, court("A", "x", 1))
            .replace("</LandlordTenantExtract>", "<RunDate>2020-01-01</RunDate></LandlordTenantExtract>");
    StagedFile file = StagedFile.of(TestExtracts.zip(dir, NAME, xml), dir);
    assertEquals(LocalDate.of(2025, 7, 6), file.parse().extractDate());
  }

  @Test
  void runDateNestedAnywhereBeforeTheFirstIndexCounts() throws Exception {
    String xml =
        TestExtracts.pdfExtract(null, court("A", "x", 1))
            .replace("<Sender>OCA</Sender>", "<Header><RunDate>2025-07-06</RunDate></Header>");
    StagedFile file = StagedFile.of(TestExtracts.zip(dir, NAME, xml), dir);
    assertEquals(List.of(), file.parse().warnings());
  }

  @Test
  void fileWithAnotherNameUsesRunDate() throws Exception {
    StagedFile file =
        StagedFile.of(
            TestExtracts.zip(dir, "sample.zip", TestExtracts.extract("2025-07-06", court("A", "x", 1))),
            dir);
    assertEquals(LocalDate.of(2025, 7, 6), file.parse().extractDate());
    assertTrue(file.parse().warnings().get(0).contains("not an extract file name"));
  }

  @Test
  void invalidRunDateFailsTheWholeFileAtItsLocation() throws Exception {
    Path zip = TestExtracts.zip(dir, NAME, TestExtracts.extract("2025-02-30", court("A", "x", 1)));
    ExtractFileException e = assertThrows(ExtractFileException.class, () -> StagedFile.of(zip, dir));
    assertEquals(3, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("RunDate '2025-02-30' is invalid"), e.getMessage());
  }

  @Test
  void noRunDateAndNoDateInTheNameFailsTheWholeFile() throws Exception {
    Path zip = TestExtracts.zip(dir, "sample.zip", TestExtracts.extract(null, court("A", "x", 1)));
    ExtractFileException e = assertThrows(ExtractFileException.class, () -> StagedFile.of(zip, dir));
    assertTrue(e.getMessage().contains("no RunDate"), e.getMessage());
  }

  @Test
  void anExistingStagingFileIsReplacedAndProgressIsReported() throws Exception {
    Path db = dir.resolve("staging.duckdb");
    Files.writeString(db, "left over by a crashed attempt");
    Files.writeString(dir.resolve("staging.duckdb.wal"), "garbage");
    List<Long> progress = new ArrayList<>();
    Path zip =
        TestExtracts.zipStreaming(
            dir,
            NAME,
            out -> {
              out.write(TestExtracts.extract("2025-07-06").replace("</LandlordTenantExtract>\n", ""));
              for (int i = 0; i < 12_000; i++) {
                out.write(court("id-" + i, "c", 1));
              }
              out.write("</LandlordTenantExtract>");
            });
    ParseReport report =
        new ExtractParser(StagingLimits.defaults(dir.resolve("tmp")))
            .parse(zip, db, (cases, bytes) -> progress.add(cases));
    assertEquals(12_000, report.casesStaged());
    assertEquals(List.of(5_000L, 10_000L, 12_000L), progress);
  }

  @Test
  void aStagingDatabaseFailureFailsTheParseInsteadOfHanging() throws Exception {
    Path zip =
        TestExtracts.zipStreaming(
            dir,
            NAME,
            out -> {
              out.write(TestExtracts.extract("2025-07-06").replace("</LandlordTenantExtract>\n", ""));
              for (int i = 0; i < 5_000; i++) {
                out.write(court("id-" + i, "c", 3));
              }
              out.write("</LandlordTenantExtract>");
            });
    // A real DuckDB failure on the writer thread: no memory to speak of and nowhere to spill.
    Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");
    StagingLimits starved = new StagingLimits("1MB", 1, notADirectory);
    java.io.IOException e =
        assertThrows(
            java.io.IOException.class,
            () -> new ExtractParser(starved).parse(zip, dir.resolve("s.duckdb"), ParseProgress.NONE));
    assertTrue(e.getMessage().startsWith("staging database "), e.getMessage());
  }
}
