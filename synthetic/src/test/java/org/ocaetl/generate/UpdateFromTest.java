package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --update-from}: updates and deletes name ids of the previous extract. */
class UpdateFromTest {
  @TempDir static Path dir;
  static ParsedExtract previous;
  static Path previousZip;

  @BeforeAll
  static void writePrevious() throws Exception {
    previousZip =
        new ExtractGenerator(
                GeneratorSettings.defaults().withCases(1000).withRunDate(LocalDate.of(2025, 6, 29)))
            .generate(dir.resolve("previous"));
    previous = ParsedExtract.read(previousZip);
  }

  private static GeneratorSettings next(int cases) {
    return GeneratorSettings.defaults()
        .withCases(cases)
        .withUpdateFrom(previousZip)
        .withUpdateRatio(0.3)
        .withDeleteRatio(0.02);
  }

  @Test
  void updatesReusePreviousIdsAndDeletesNamePreviousIds() throws Exception {
    GenerationResult result = new ExtractGenerator(next(1000)).write(dir.resolve("updates"));
    ParsedExtract extract = ParsedExtract.read(result.zip());
    Set<String> previousIds = ExtractGeneratorTest.ids(previous.cases());
    Set<String> caseIds = ExtractGeneratorTest.ids(extract.cases());
    Set<String> deleteIds = ExtractGeneratorTest.ids(extract.deletes());

    Set<String> updated = new HashSet<>(caseIds);
    updated.retainAll(previousIds);
    assertEquals(300, updated.size());
    assertEquals(300, result.updates());
    assertEquals(20, deleteIds.size());
    assertEquals(20, result.previousDeletes());
    assertTrue(previousIds.containsAll(deleteIds), "deletes name previous ids");
    Set<String> both = new HashSet<>(deleteIds);
    both.retainAll(caseIds);
    assertTrue(both.isEmpty(), "an id is updated or deleted, not both");
    assertEquals(1000, result.previousCasesRead());
    assertEquals(1000, caseIds.size(), "no id twice");
  }

  @Test
  void anUpdateKeepsThePetitionFactsAndChangesTheProceedings() throws Exception {
    ParsedExtract extract =
        ParsedExtract.read(new ExtractGenerator(next(1000)).generate(dir.resolve("facts")));
    Map<String, ParsedExtract.Node> before = new HashMap<>();
    previous.cases().forEach(index -> before.put(index.id(), index));
    int changed = 0;
    int updates = 0;
    for (ParsedExtract.Node after : extract.cases()) {
      ParsedExtract.Node old = before.get(after.id());
      if (old == null) {
        continue;
      }
      updates++;
      for (String kept :
          List.of("Court", "FiledDate", "PropertyType", "FirstPaper", "PrimaryClaimTotal")) {
        assertEquals(old.text(kept), after.text(kept), kept);
      }
      assertEquals(old.child("PropertyAddresses"), after.child("PropertyAddresses"));
      assertEquals(old.child("Parties"), after.child("Parties"));
      if (!old.equals(after)) {
        changed++;
      }
    }
    assertEquals(300, updates);
    assertEquals(updates, changed, "every update changes the case");
  }

  @Test
  void aSmallPreviousFileLimitsUpdatesAndDeletesToItsIds() throws Exception {
    Path small =
        new ExtractGenerator(
                GeneratorSettings.defaults()
                    .withCases(100)
                    .withSeed(7)
                    .withRunDate(LocalDate.of(2025, 6, 29)))
            .generate(dir.resolve("small"));
    GenerationResult result =
        new ExtractGenerator(next(1000).withUpdateFrom(small)).write(dir.resolve("limited"));
    assertEquals(100, result.updates() + result.previousDeletes());
    assertEquals(100, result.updates(), "updates are served first");
    assertEquals(20, result.deletes(), "the rest of the deletes name fresh ids");
    Set<String> smallIds = ExtractGeneratorTest.ids(ParsedExtract.read(small).cases());
    Set<String> caseIds = ExtractGeneratorTest.ids(ParsedExtract.read(result.zip()).cases());
    caseIds.retainAll(smallIds);
    assertEquals(smallIds, caseIds, "all of the small file's ids were updated");
  }

  @Test
  void theSampleDependsOnTheSeed() throws Exception {
    ParsedExtract one =
        ParsedExtract.read(new ExtractGenerator(next(500)).generate(dir.resolve("one")));
    ParsedExtract two =
        ParsedExtract.read(
            new ExtractGenerator(next(500).withSeed(99)).generate(dir.resolve("two")));
    Set<String> previousIds = ExtractGeneratorTest.ids(previous.cases());
    Set<String> updatedOne = ExtractGeneratorTest.ids(one.cases());
    updatedOne.retainAll(previousIds);
    Set<String> updatedTwo = ExtractGeneratorTest.ids(two.cases());
    updatedTwo.retainAll(previousIds);
    assertEquals(150, updatedOne.size());
    assertNotEquals(updatedOne, updatedTwo);
  }
}
