package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedListAndIdsTest {

  @Test
  void picksInProportionToTheWeightsWithTableAndBinarySearch() {
    for (int scale :
        new int[] {1, 10_000}) { // totals of 4 (lookup table) and 40,000 (binary search)
      WeightedList<String> list =
          new WeightedList<>(List.of("rare", "common"), List.of(scale, 3 * scale));
      SplittableRandom random = new SplittableRandom(3);
      int common = 0;
      for (int i = 0; i < 100_000; i++) {
        if (list.pick(random).equals("common")) {
          common++;
        }
      }
      assertTrue(common > 74_000 && common < 76_000, "scale " + scale + ": " + common);
    }
  }

  @Test
  void rejectsNonPositiveWeights() {
    assertThrows(
        IllegalArgumentException.class, () -> new WeightedList<>(List.of("a"), List.of(0)));
    assertThrows(IllegalArgumentException.class, () -> new WeightedList<>(List.of(), List.of()));
  }

  @Test
  void readsWeightedAndPlainLinesBySection() throws Exception {
    Vocabulary vocabulary =
        Vocabulary.parse(
            new BufferedReader(
                new StringReader("# comment\n[a]\n2|x|y\n\nplain\n[count.b]\n1|3\n")));
    assertEquals(List.of("x", "y"), vocabulary.lines("a").get(0).fields());
    assertEquals("plain", vocabulary.words("a").get(1));
    assertEquals(3, vocabulary.counts("count.b").get(0));
    assertThrows(IllegalStateException.class, () -> vocabulary.lines("missing"));
  }

  @Test
  void theBundledVocabularyHasEveryRegionsCitiesAndStreets() {
    WeightedList<Region> regions = Region.all(Vocabulary.bundled());
    assertTrue(regions.size() >= 10);
    for (int i = 0; i < regions.size(); i++) {
      Region region = regions.get(i);
      for (int c = 0; c < region.cities().size(); c++) {
        region.cities().get(c).zipCodes().forEach(zip -> assertTrue(zip.matches("\\d{5}"), zip));
      }
      assertTrue(region.streets().size() > 3, region.court());
    }
  }

  @Test
  void idsAreUniqueHexAndDependOnSeedRunDateAndFiledYear() {
    LocalDate runDate = LocalDate.of(2025, 7, 6);
    CaseIds ids = new CaseIds(1, runDate, null);
    Set<String> seen = new HashSet<>();
    for (long counter = 0; counter < 100_000; counter++) {
      String id = ids.id(counter);
      assertTrue(id.matches("[0-9a-f]{64}"), id);
      assertTrue(seen.add(id));
    }
    assertEquals(ids.id(5), new CaseIds(1, runDate, null).id(5));
    assertNotEquals(ids.id(5), new CaseIds(2, runDate, null).id(5));
    assertNotEquals(ids.id(5), new CaseIds(1, runDate.plusWeeks(1), null).id(5));
    assertNotEquals(ids.id(5), new CaseIds(1, runDate, 2024).id(5));
  }
}
