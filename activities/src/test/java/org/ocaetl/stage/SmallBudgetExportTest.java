package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;
import org.ocaetl.model.OcaTable;

/**
 * The export within a small DuckDB budget (docs/benchmarks.md#operator-memory): its sorts are bound
 * per connection so they spill, and CSVs that run out of memory two at a time are written one at a
 * time. Before, this file's export failed at this budget, as a 300,000-case file did at 128MB.
 */
class SmallBudgetExportTest {
  /** A generated weekly file: realistic ids and rows, enough that two sorts at once outgrow {@link #SMALL}. */
  static final int CASES = 30_000;
  static final String SMALL = "24MB";

  @TempDir static Path dir;
  static Path staging;
  static ParseReport parse;

  @BeforeAll
  static void stageManyCases() throws Exception {
    Path zip = new ExtractGenerator(GeneratorSettings.defaults().withCases(CASES)).generate(dir.resolve("inbox"));
    staging = dir.resolve("staging.duckdb");
    parse = new ExtractParser(limits("256MB", 1)).parse(zip, staging, ParseProgress.NONE);
  }

  private static StagingLimits limits(String memory, int threads) {
    return new StagingLimits(memory, threads, dir.resolve("tmp"));
  }

  @Test
  void twoCsvsAtOnceInASmallBudgetWriteWhatOneAtATimeWithRoomWrites() throws Exception {
    ExportReport roomy = new StagingExporter(limits("256MB", 1)).export(staging, dir.resolve("roomy"), parse);
    ExportReport small = new StagingExporter(limits(SMALL, 2)).export(staging, dir.resolve("small"), parse);

    assertEquals(roomy.rowsPerTable(), small.rowsPerTable());
    assertEquals((long) CASES, roomy.rowsPerTable().get(OcaTable.OCA_INDEX.tableName()));
    for (OcaTable table : OcaTable.values()) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("roomy").resolve(table.csvName())),
          Files.readAllBytes(dir.resolve("small").resolve(table.csvName())),
          table.csvName());
    }
  }
}
