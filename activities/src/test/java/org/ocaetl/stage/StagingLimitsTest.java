package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ocaetl.parse.CaseBounds;

/** The worker's DuckDB budget is shared by the files it stages at once and by their connections. */
class StagingLimitsTest {
  private static final Path TMP = Path.of("/tmp/duckdb-tmp");

  @Test
  void memoryLimitIsSplitEvenlyAndTheRestIsKept() {
    StagingLimits worker = new StagingLimits("512MB", 2, TMP, "20GB");
    assertSame(worker, worker.sharedBy(1));
    assertEquals(new StagingLimits("250000KiB", 2, TMP, "20GB"), worker.sharedBy(2));
    assertEquals("349525KiB", new StagingLimits("1GiB", 1, TMP).sharedBy(3).memoryLimit());
    assertEquals("262144KiB", new StagingLimits("0.5 gib", 1, TMP).sharedBy(2).memoryLimit());
    CaseBounds bounds = new CaseBounds(10, 20, 30);
    assertEquals(bounds, new StagingLimits("512MB", 2, TMP, null, bounds).sharedBy(2).caseBounds(),
        "the case bounds are per file, not shared");
  }

  @Test
  void eachConnectionsSortsGetHalfOfItsShare() {
    assertEquals("125000KiB", new StagingLimits("512MB", 2, TMP).operatorMemoryLimit());
    assertEquals("62500KiB", new StagingLimits("512MB", 2, TMP).sharedBy(2).operatorMemoryLimit());
    assertEquals("512KiB", new StagingLimits("1MiB", 1, TMP).operatorMemoryLimit());
  }

  @Test
  void rejectsWhatItCannotSplit() {
    assertThrows(IllegalArgumentException.class, () -> new StagingLimits("lots", 1, TMP).sharedBy(2));
    assertThrows(IllegalArgumentException.class, () -> new StagingLimits("512MB", 1, TMP).sharedBy(0));
  }
}
