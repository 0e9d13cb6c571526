package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractSeriesTest {
  @TempDir Path dir;

  @Test
  void writesAnInitialAndThreeWeeklyIncrementalsThatUpdateAndDeleteEarlierCases() throws Exception {
    List<GenerationResult> series = ExtractSeries.weekly(dir, 200, 5, LocalDate.of(2025, 6, 15));

    assertEquals(
        List.of(
            "LandlordTenant.Initial.FiledIn2025.2025-06-15.zip",
            "LandlordTenant.Incr.2025-06-22.zip",
            "LandlordTenant.Incr.2025-06-29.zip",
            "LandlordTenant.Incr.2025-07-06.zip"),
        series.stream().map(r -> r.zip().getFileName().toString()).toList());
    assertEquals(0, series.getFirst().deletes());

    Set<String> earlier =
        ExtractGeneratorTest.ids(ParsedExtract.read(series.getFirst().zip()).cases());
    for (GenerationResult incremental : series.subList(1, series.size())) {
      ParsedExtract extract = ParsedExtract.read(incremental.zip());
      assertEquals(60, incremental.updates());
      assertEquals(4, incremental.previousDeletes());
      Set<String> reused = ExtractGeneratorTest.ids(extract.cases());
      reused.retainAll(earlier);
      assertEquals(60, reused.size(), "updates of earlier files");
      assertTrue(
          earlier.containsAll(ExtractGeneratorTest.ids(extract.deletes())),
          "deletes of earlier files");
      earlier = new HashSet<>(earlier);
      earlier.addAll(ExtractGeneratorTest.ids(extract.cases()));
    }
  }
}
