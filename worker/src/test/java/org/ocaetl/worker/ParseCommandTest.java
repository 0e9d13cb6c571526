package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.TestExtracts;
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
  void wholeFileFailureExitsOneWithFileLineAndColumn() throws Exception {
    Path zip = TestExtracts.zip(dir, NAME, "<LandlordTenantExtract>\n<Index></Court></LandlordTenantExtract>");
    assertEquals(1, run("parse", zip.toString(), "--out", dir.resolve("out").toString()));
    assertTrue(err.toString().contains(NAME + ": line 2, column "), err.toString());
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
    assertEquals(0, run("parse", "--help"));
    assertTrue(out.toString().contains("--memory-limit"), out.toString());
    assertTrue(out.toString().contains("Exit codes"), out.toString());
  }
}
