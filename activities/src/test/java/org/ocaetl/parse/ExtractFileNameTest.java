package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.generate.ExtractSeries;

class ExtractFileNameTest {
  @TempDir Path dir;

  /** The generator (module synthetic) cannot see this rule, so its series is checked against it here. */
  @Test
  void theGeneratorsWeeklySeriesComesInTheOrderOfRuleOne() throws Exception {
    List<ExtractFileName> names =
        ExtractSeries.weekly(dir, 200, 5, LocalDate.of(2025, 6, 15)).stream()
            .map(r -> ExtractFileName.parse(r.zip().getFileName().toString()).orElseThrow())
            .toList();
    assertEquals(4, names.size());
    assertEquals(names, names.stream().sorted().toList(), "returned in the order of rule 1");
  }
}
