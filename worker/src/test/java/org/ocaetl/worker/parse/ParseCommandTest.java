package org.ocaetl.worker.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.worker.OcaCommand;
import picocli.CommandLine;

class ParseCommandTest {
  private static final String NAME = "LandlordTenant.Incr.2025-07-06.zip";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = OcaCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path zip(String... indexes) throws Exception {
    return TestExtracts.zip(dir, NAME, TestExtracts.extract("2025-07-06", indexes));
  }

  @Test
  void cleanFileExitsZeroWithASummaryAndTheFiles() throws Exception {
    Path zip = zip(TestExtracts.index("a", "<Court>x</Court>"), TestExtracts.deleteRecord("b"));
    Path outDir = dir.resolve("out");
    assertEquals(0, run("parse", zip.toString(), "--out", outDir.toString(), "--threads", "1"), err.toString());
    assertTrue(
        out.toString().contains("2 cases seen, 1 staged, 1 deleted, 0 failed. Rows: oca_index 1,"),
        out.toString());
    assertTrue(Files.exists(outDir.resolve("staging.duckdb")));
    assertTrue(Files.exists(outDir.resolve("report.json")));
    assertTrue(Files.exists(outDir.resolve("oca_metadata.csv")));
  }

  @Test
  void failedCasesExitThreeAndAreListed() throws Exception {
    Path zip =
        zip(
            TestExtracts.index("a", "<FiledDate>yesterday</FiledDate>"),
            TestExtracts.index("b", "<Court>ok</Court>"));
    assertEquals(3, run("parse", zip.toString(), "--out", dir.resolve("out").toString()));
    assertTrue(out.toString().contains("1 cases failed"), out.toString());
    assertTrue(out.toString().contains("a FiledDate 'yesterday': not a date YYYY-MM-DD"), out.toString());
  }

  @Test
  void elementsTheParserDoesNotReadArePrintedByPathAndCount() throws Exception {
    Path zip = zip(
        TestExtracts.index("a", "<Court>x</Court><EvictionMoratoriumFlag>Y</EvictionMoratoriumFlag>"),
        TestExtracts.index("b", "<Court code=\"K\">x</Court><RentalAssistance><Amount>9</Amount></RentalAssistance>"));
    assertEquals(0, run("parse", zip.toString(), "--out", dir.resolve("out").toString()), err.toString());
    assertTrue(out.toString().contains(
        "Extract drift: element paths no column reads (dropped; counts, also in report.json):\n"
            + "  Index/Court/@code: 1\n  Index/EvictionMoratoriumFlag: 1\n  Index/RentalAssistance: 1\n"
            + "  Index/RentalAssistance/Amount: 1\n"), out.toString());
  }

  @Test
  void aFileWithoutDriftPrintsNone() throws Exception {
    assertEquals(0, run("parse", zip(TestExtracts.index("a", "<Court>x</Court>")).toString(), "--out", dir.resolve("out").toString()));
    assertFalse(out.toString().contains("drift"), out.toString());
  }

  @Test
  void wholeFileFailureExitsOneWithFileLineAndColumn() throws Exception {
    Path zip = TestExtracts.zip(dir, NAME, "<LandlordTenantExtract>\n<Index></Court></LandlordTenantExtract>");
    assertEquals(1, run("parse", zip.toString(), "--out", dir.resolve("out").toString()));
    assertTrue(err.toString().contains(NAME + ": line 2, column "), err.toString());
  }

  @Test
  void aFileThatFailsAsAWholeLeavesNoPartialOutput() throws Exception {
    byte[] xml = TestExtracts.extract("2025-07-06", TestExtracts.index("a", "<Court>\u0000</Court>"))
        .getBytes(StandardCharsets.UTF_8);
    xml[new String(xml, StandardCharsets.ISO_8859_1).indexOf('\u0000')] = (byte) 0xFF; // never valid UTF-8
    Path zip = TestExtracts.zip(dir, NAME, Map.of(TestExtracts.MEMBER, xml));

    Path created = dir.resolve("new-out");
    assertEquals(1, run("parse", zip.toString(), "--out", created.toString()));
    assertEquals(NAME + ": line 4, column 47: bytes that are not valid UTF-8 (the file's encoding): 0xFF",
        err.toString().strip().replaceFirst("^oca parse: ", ""));
    assertFalse(Files.exists(created), "the folder it created is gone");

    Path existing = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(existing.resolve("notes.txt"), "mine");
    assertEquals(1, run("parse", zip.toString(), "--out", existing.toString()));
    try (var left = Files.list(existing)) {
      assertEquals(List.of(existing.resolve("notes.txt")), left.toList(), "only what was there before");
    }
  }

  @Test
  void aMissingFileOrAFolderIsOneLineWithItsPath() throws Exception {
    Path missing = dir.resolve("missing.zip");
    assertEquals(1, run("parse", missing.toString(), "--out", dir.resolve("out").toString()));
    assertEquals("oca parse: " + missing + ": no such file", err.toString().strip());
    assertTrue(!Files.exists(dir.resolve("out")), "nothing created");

    err.getBuffer().setLength(0);
    assertEquals(1, run("parse", dir.toString(), "--out", dir.resolve("out").toString()));
    assertEquals("oca parse: " + dir + ": is a folder, not a zip file", err.toString().strip());
  }

  @Test
  void badUsageExitsTwoAndHelpWorks() throws Exception {
    assertEquals(2, run("parse", "x.zip"));
    assertTrue(err.toString().contains("--out"), err.toString());
    assertEquals(2, run("parse", "x.zip", "--out", dir.toString(), "--threads", "0"));
    assertEquals(2, run("parse", "x.zip", "--out", dir.toString(), "--memory-limit", "lots"));
    for (String bound : new String[] {"--max-case-children", "--max-case-elements", "--max-case-text"}) {
      assertEquals(2, run("parse", "x.zip", "--out", dir.toString(), bound, "0"), bound);
      assertTrue(err.toString().contains(bound + " must be at least 1"), err.toString());
    }
    assertEquals(0, run("parse", "--help"));
    assertTrue(out.toString().contains("--memory-limit"), out.toString());
    assertTrue(out.toString().contains("Exit codes"), out.toString());
  }
}
