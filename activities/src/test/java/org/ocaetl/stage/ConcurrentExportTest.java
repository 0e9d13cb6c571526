package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.testing.TestExtracts;

/** Writing several CSVs at once (StagingLimits.threads > 1) changes nothing in the output. */
class ConcurrentExportTest {
  @TempDir Path dir;
  private Path staging;
  private ParseReport parse;

  @BeforeEach
  void stageManyCases() throws Exception {
    List<String> indexes = new ArrayList<>();
    String example = TestExtracts.resource(ConcurrentExportTest.class, "example-5.1-index.xml");
    for (int i = 0; i < 300; i++) {
      indexes.add(example.replaceFirst("<IndexNumberId>[^<]*<", "<IndexNumberId>case-" + i + "<"));
    }
    indexes.add(TestExtracts.deleteRecord("case-7"));
    Path zip =
        TestExtracts.zip(
            dir,
            "LandlordTenant.Incr.2025-07-06.zip",
            TestExtracts.extract("2025-07-06", indexes.toArray(String[]::new)));
    staging = dir.resolve("staging.duckdb");
    parse = new ExtractParser(limits(1)).parse(zip, staging, ParseProgress.NONE);
  }

  private StagingLimits limits(int threads) {
    return new StagingLimits("256MB", threads, dir.resolve("tmp"));
  }

  @Test
  void concurrentExportWritesTheSameBytes() throws Exception {
    ExportReport one = new StagingExporter(limits(1)).export(staging, dir.resolve("one"), parse);
    ExportReport three =
        new StagingExporter(limits(3)).export(staging, dir.resolve("three"), parse);

    assertEquals(one.rowsPerTable(), three.rowsPerTable());
    assertEquals(299L, one.rowsPerTable().get(OcaTable.OCA_INDEX.tableName()));
    assertEquals(300L, one.rowsPerTable().get(OcaTable.OCA_METADATA.tableName()));
    for (OcaTable table : OcaTable.values()) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("one").resolve(table.csvName())),
          Files.readAllBytes(dir.resolve("three").resolve(table.csvName())),
          table.csvName());
    }
  }

  @Test
  void aFailingCopyFailsTheExport() throws Exception {
    Path out = dir.resolve("blocked");
    // a directory where a CSV must go: that COPY fails while the other threads write theirs
    Files.createDirectories(out.resolve(OcaTable.OCA_EVENTS.csvName()).resolve("occupied"));

    StagingExporter exporter = new StagingExporter(limits(3));
    IOException e = assertThrows(IOException.class, () -> exporter.export(staging, out, parse));
    assertTrue(e.getMessage().startsWith("export of staging database"), e.getMessage());
  }
}
