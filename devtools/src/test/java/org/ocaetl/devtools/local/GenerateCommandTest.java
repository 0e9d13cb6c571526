package org.ocaetl.devtools.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.devtools.OcaDevCommand;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = OcaDevCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void helpDescribesTheOptions() {
    assertEquals(0, run("generate", "--help"));
    for (String option :
        new String[] {
          "--out",
          "--cases",
          "--seed",
          "--run-date",
          "--initial",
          "--delete-ratio",
          "--update-from",
          "--update-ratio",
          "--edge-cases"
        }) {
      assertTrue(out.toString().contains(option), option);
    }
  }

  @Test
  void writesTheNamedZipAndReportsPathCasesAndSize() throws Exception {
    assertEquals(
        0, run("generate", "--out", dir.toString(), "--cases", "120", "--run-date", "2025-07-13"));
    Path zip = dir.resolve("LandlordTenant.Incr.2025-07-13.zip");
    assertTrue(Files.isRegularFile(zip));
    String[] lines = out.toString().split("\\R");
    assertEquals(zip.toString(), lines[0]);
    assertTrue(lines[1].startsWith("cases: 120 (updates 0), deletes: 1, edge cases: 0"), lines[1]);
    assertTrue(lines[2].startsWith(String.format("size: %,d bytes", Files.size(zip))), lines[2]);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertEquals(1, file.size());
    }
  }

  @Test
  void writesAnInitialWithoutDeletesAndAnIncrementalUpdatingIt() throws Exception {
    assertEquals(
        0,
        run(
            "generate",
            "--out",
            dir.toString(),
            "--cases",
            "100",
            "--initial",
            "2024",
            "--run-date",
            "2025-01-05"));
    Path initial = dir.resolve("LandlordTenant.Initial.FiledIn2024.2025-01-05.zip");
    assertTrue(out.toString().contains("deletes: 0,"), out.toString());
    assertEquals(
        0,
        run(
            "generate",
            "--out",
            dir.toString(),
            "--cases",
            "200",
            "--run-date",
            "2025-01-12",
            "--update-from",
            initial.toString(),
            "--update-ratio",
            "0.25",
            "--edge-cases"));
    assertTrue(
        out.toString().contains("cases: 200 (updates 50), deletes: 8, edge cases: 50"),
        out.toString());
  }

  @Test
  void badUsageExitsWithTwo() throws Exception {
    assertEquals(2, run("generate"), "--out is required");
    assertEquals(2, run("generate", "--out", dir.toString(), "--cases", "many"));
    assertEquals(2, run("generate", "--out", dir.toString(), "--run-date", "2025-02-30"));
    assertEquals(2, run("generate", "--out", dir.toString(), "--delete-ratio", "1.5"));
    assertEquals(2, run("generate", "--out", dir.toString(), "--cases", "5", "--edge-cases"));
    assertEquals(
        2,
        run(
            "generate",
            "--out",
            dir.toString(),
            "--update-from",
            dir.resolve("missing.zip").toString()));
    assertEquals(2, run("generate", "--out", dir.toString(), "--bogus"));
    assertTrue(err.toString().contains("--out"), err.toString());
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "nothing written");
    }
  }
}
