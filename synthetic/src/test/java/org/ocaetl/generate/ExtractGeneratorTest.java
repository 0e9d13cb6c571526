package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractGeneratorTest {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  @TempDir Path dir;

  private GenerationResult write(GeneratorSettings settings, String subdirectory) throws Exception {
    return new ExtractGenerator(settings).write(dir.resolve(subdirectory));
  }

  @Test
  void sameSettingsGiveIdenticalBytesAndAnotherSeedDoesNot() throws Exception {
    GeneratorSettings settings = GeneratorSettings.defaults().withCases(600).withEdgeCases(true);
    Path first = write(settings, "a").zip();
    Path second = write(settings, "b").zip();
    Path otherSeed = write(settings.withSeed(2), "c").zip();

    assertEquals(-1, Files.mismatch(first, second), "same settings, same bytes");
    assertNotEquals(-1, Files.mismatch(first, otherSeed), "another seed, other bytes");
    Set<String> firstIds = ids(ParsedExtract.read(first).cases());
    firstIds.retainAll(ids(ParsedExtract.read(otherSeed).cases()));
    assertTrue(firstIds.isEmpty(), "another seed shares no ids");
  }

  @Test
  void zipHoldsOneMemberWithTheExtractEnvelopeInTheNamespace() throws Exception {
    GenerationResult result = write(GeneratorSettings.defaults().withCases(300), "out");
    ParsedExtract extract =
        ParsedExtract.read(result.zip()); // asserts the namespace of every element

    assertEquals(List.of("LandlordTenantExtract.xml"), extract.zipMembers);
    assertEquals("Extract", extract.rootName);
    assertEquals(
        List.of("Sender", "Recipient", "ExtractType", "RunDate"),
        extract.envelope.stream().map(ParsedExtract.Node::name).toList());
    assertEquals("OCA", extract.envelope("Sender"));
    assertEquals("Incremental", extract.envelope("ExtractType"));
    assertEquals("2025-07-06", extract.envelope("RunDate"));
    assertEquals(Files.size(result.zip()), result.bytes());
  }

  @Test
  void countsOfIndexAndDeleteRecordsMatchTheSettings() throws Exception {
    GenerationResult result =
        write(GeneratorSettings.defaults().withCases(2000).withDeleteRatio(0.05), "out");
    ParsedExtract extract = ParsedExtract.read(result.zip());

    assertEquals(2000, extract.cases().size());
    assertEquals(100, extract.deletes().size());
    assertEquals(2000, result.cases());
    assertEquals(100, result.deletes());
    assertEquals(0, result.updates());
    assertEquals(2100, result.indexElements());
    assertTrue(result.edgeCases().isEmpty());
    Set<String> all = new HashSet<>();
    for (ParsedExtract.Node index : extract.indexes) {
      assertTrue(HEX64.matcher(index.id()).matches(), index.id());
      assertTrue(
          all.add(index.id()), "ids are unique, deletes (no previous file) name fresh ids too");
    }
    int firstDelete = extract.indexes.indexOf(extract.deletes().getFirst());
    assertEquals(2000, firstDelete, "delete records come after the cases");
    for (ParsedExtract.Node delete : extract.deletes()) {
      assertEquals(
          List.of("IndexNumberId", "Delete"),
          delete.children().stream().map(ParsedExtract.Node::name).toList());
    }
  }

  @Test
  void zeroDeleteRatioWritesNoDeleteRecords() throws Exception {
    GenerationResult result =
        write(GeneratorSettings.defaults().withCases(200).withDeleteRatio(0), "out");
    assertEquals(0, ParsedExtract.read(result.zip()).deletes().size());
    assertEquals(0, result.deletes());
  }

  @Test
  void namesIncrementalAndInitialFilesLikeOca() throws Exception {
    Path incremental =
        write(
                GeneratorSettings.defaults().withCases(10).withRunDate(LocalDate.of(2025, 7, 13)),
                "i")
            .zip();
    assertEquals("LandlordTenant.Incr.2025-07-13.zip", incremental.getFileName().toString());

    GeneratorSettings initialSettings =
        GeneratorSettings.defaults()
            .withCases(500)
            .withRunDate(LocalDate.of(2024, 3, 1))
            .withInitialFiledYear(2016);
    GenerationResult initial = write(initialSettings, "n");
    assertEquals(
        "LandlordTenant.Initial.FiledIn2016.2024-03-01.zip",
        initial.zip().getFileName().toString());
    ParsedExtract extract = ParsedExtract.read(initial.zip());
    assertEquals("Initial", extract.envelope("ExtractType"));
    assertEquals("2016-01-01", extract.envelope("FilingDateFrom"));
    assertEquals("2016-12-31", extract.envelope("FilingDateTo"));
    for (ParsedExtract.Node index : extract.cases()) {
      assertEquals(
          2016,
          LocalDate.parse(index.text("FiledDate")).getYear(),
          "an Initial holds its filed year");
    }
  }

  @Test
  void rejectsSettingsThatCannotBeWritten() {
    GeneratorSettings defaults = GeneratorSettings.defaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withCases(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withDeleteRatio(1.5));
    assertThrows(IllegalArgumentException.class, () -> defaults.withUpdateRatio(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> defaults.withInitialFiledYear(2026));
    assertThrows(IllegalArgumentException.class, () -> defaults.withCases(5).withEdgeCases(true));
  }

  @Test
  void leavesNoPartialFileBehind() throws Exception {
    GenerationResult result = write(GeneratorSettings.defaults().withCases(50), "out");
    try (var files = Files.list(result.zip().getParent())) {
      assertEquals(List.of(result.zip()), files.toList());
    }
  }

  @Test
  void aMissingPreviousExtractFailsWithoutWritingAFile() {
    GeneratorSettings settings =
        GeneratorSettings.defaults()
            .withCases(50)
            .withUpdateFrom(dir.resolve("LandlordTenant.Incr.2025-06-29.zip"));
    assertThrows(java.io.IOException.class, () -> write(settings, "out"));
    assertFalse(Files.exists(dir.resolve("out").resolve(settings.fileName())));
  }

  /** The ids of these records (an edge case may have none). */
  static Set<String> ids(List<ParsedExtract.Node> indexes) {
    Set<String> ids = new HashSet<>();
    for (ParsedExtract.Node index : indexes) {
      if (index.id() != null) {
        ids.add(index.id());
      }
    }
    return ids;
  }
}
