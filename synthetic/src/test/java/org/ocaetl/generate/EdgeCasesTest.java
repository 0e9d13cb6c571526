package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --edge-cases}: every hard case of the processing rules is in the file, a few times, and
 * nowhere else.
 */
class EdgeCasesTest {
  private static final int CASES = 2000;

  @TempDir static Path dir;
  static GenerationResult result;
  static ParsedExtract extract;

  @BeforeAll
  static void generate() throws Exception {
    result =
        new ExtractGenerator(GeneratorSettings.defaults().withCases(CASES).withEdgeCases(true))
            .write(dir);
    extract = ParsedExtract.read(result.zip());
  }

  /** The (non-delete) cases of one kind of edge case. */
  private static List<ParsedExtract.Node> casesOf(EdgeCase kind) {
    List<ParsedExtract.Node> cases =
        result.edgeCases().stream()
            .filter(instance -> instance.kind() == kind)
            .map(instance -> extract.cases().get((int) instance.position()))
            .toList();
    assertFalse(cases.isEmpty(), kind.name());
    for (ParsedExtract.Node index : cases) {
      if (kind != EdgeCase.MISSING_INDEX_NUMBER_ID) {
        assertNotNull(index.id());
      }
    }
    return cases;
  }

  private static ParsedExtract.Node first(
      ParsedExtract.Node parent, String container, String item) {
    return parent.child(container).all(item).getFirst();
  }

  private static ParsedExtract.Node lastJudgment(ParsedExtract.Node index) {
    return index.child("Judgments").all("Judgment").getLast();
  }

  @Test
  void everyKindIsWrittenAFewTimesSpreadThroughTheFile() {
    Map<EdgeCase, Integer> expected = new EnumMap<>(EdgeCase.class);
    for (EdgeCase kind : EdgeCase.values()) {
      expected.put(kind, kind.instancesPerFile());
    }
    assertEquals(expected, result.edgeCaseCounts());
    List<Long> positions = result.edgeCases().stream().map(EdgeCaseInstance::position).toList();
    assertEquals(positions.size(), new HashSet<>(positions).size());
    assertTrue(
        positions.getFirst() < CASES / 20 && positions.getLast() > CASES - CASES / 20, "spread");
    assertEquals(15, result.casesThatMustFail());
    assertEquals(CASES, extract.cases().size());
    // 20 regular deletes + 3 deletes after adds + 3 deletes before adds
    assertEquals(26, extract.deletes().size());
    assertEquals(26, result.deletes());
  }

  @Test
  void arrayElementsKeepCommasQuotesBracesBackslashesSpacesAndUnicode() {
    for (ParsedExtract.Node index : casesOf(EdgeCase.ARRAY_SPECIAL_CHARACTERS)) {
      List<String> specialties =
          index.child("SpecialtyDesignations").all("SpecialtyDesignationType").stream()
              .map(ParsedExtract.Node::text)
              .toList();
      assertEquals(EdgeCaseMutations.TRICKY_ARRAY_ELEMENTS, specialties);
      assertTrue(
          specialties.containsAll(List.of("SMITH, JOHN", "O\"Brien", "{odd}", "back\\slash")));
      List<String> filingRoles =
          first(index, "Events", "Event").child("FilingParties").all("FilingParty").stream()
              .map(p -> p.text("Role"))
              .toList();
      assertEquals(EdgeCaseMutations.TRICKY_ARRAY_ELEMENTS.subList(0, 4), filingRoles);
      assertEquals(
          List.of("SMITH, JOHN"),
          lastJudgment(index).child("Creditors").all("Creditor").stream()
              .map(c -> c.text("Role"))
              .toList());
    }
  }

  @Test
  void entityReferencesAndCdataSectionsDecodeToPlainText() throws IOException {
    for (ParsedExtract.Node index : casesOf(EdgeCase.XML_ENTITIES)) {
      assertEquals(
          ".....Notes: Café & Bar <Main> \"quoted\" 'single' \u2603",
          first(index, "Decisions", "Decision").text("HighlightNoPersonallyIdentifyingInfo"));
      assertEquals(
          "Motion & Stay", first(index, "Appearances", "Appearance").text("AppearancePurpose"));
    }
    for (ParsedExtract.Node index : casesOf(EdgeCase.CDATA_TEXT)) {
      assertEquals(
          EdgeCaseMutations.CDATA_HIGHLIGHT,
          first(index, "Decisions", "Decision").text("HighlightNoPersonallyIdentifyingInfo"));
      assertEquals("Answer & Counterclaim", first(index, "Events", "Event").text("EventName"));
    }
    assertEquals(6, extract.cdataSections);
    String xml = rawXml(result.zip());
    assertTrue(
        xml.contains("Caf&#233; &amp; Bar &lt;Main&gt;"),
        "numeric and named references are in the bytes");
    assertTrue(xml.contains("<![CDATA[Answer & Counterclaim]]>"));
  }

  @Test
  void hugeHighlightsHoldAboutOneMegabyte() {
    for (ParsedExtract.Node index : casesOf(EdgeCase.HUGE_HIGHLIGHT)) {
      String highlight =
          first(index, "Decisions", "Decision").text("HighlightNoPersonallyIdentifyingInfo");
      assertTrue(
          highlight.length() >= 1 << 20 && highlight.length() < (1 << 20) + 1000,
          "length " + highlight.length());
      assertTrue(highlight.lines().allMatch(line -> line.startsWith(".....")));
    }
  }

  @Test
  void aJudgmentWithoutWarrantsPrecedesOneWithWarrants() {
    for (ParsedExtract.Node index : casesOf(EdgeCase.JUDGMENT_WITHOUT_WARRANTS_THEN_WITH)) {
      List<ParsedExtract.Node> judgments = index.child("Judgments").all("Judgment");
      assertTrue(judgments.size() >= 2);
      assertNull(judgments.getFirst().child("Warrants"));
      assertFalse(judgments.getLast().child("Warrants").all("Warrant").isEmpty());
    }
  }

  @Test
  void duplicateIdsComeTwiceAndTheSecondVersionDiffers() {
    for (ParsedExtract.Node firstVersion : casesOf(EdgeCase.DUPLICATE_ID)) {
      List<ParsedExtract.Node> versions =
          extract.cases().stream().filter(index -> firstVersion.id().equals(index.id())).toList();
      assertEquals(2, versions.size());
      assertEquals(firstVersion, versions.getFirst());
      assertNotEquals(versions.get(0), versions.get(1));
    }
  }

  @Test
  void deletesAfterAddsAndAddsAfterDeletesOfTheSameId() {
    for (ParsedExtract.Node added : casesOf(EdgeCase.DELETE_AFTER_ADD)) {
      int addAt = extract.indexes.indexOf(added);
      int deleteAt = indexOfDelete(added.id());
      assertTrue(deleteAt > addAt, "delete after the add");
    }
    for (ParsedExtract.Node added : casesOf(EdgeCase.ADD_AFTER_DELETE)) {
      int addAt = extract.indexes.indexOf(added);
      assertEquals(addAt - 1, indexOfDelete(added.id()), "delete right before the add");
    }
  }

  private static int indexOfDelete(String id) {
    for (int i = 0; i < extract.indexes.size(); i++) {
      if (extract.indexes.get(i).isDelete() && extract.indexes.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aPropertyOnWarrantLacksItsCityAndAnOutcomeLacksItsBasis() {
    for (ParsedExtract.Node index : casesOf(EdgeCase.WARRANT_PROPERTY_WITHOUT_CITY)) {
      ParsedExtract.Node warrant = lastJudgment(index).child("Warrants").all("Warrant").getLast();
      List<ParsedExtract.Node> properties =
          warrant.child("PropertiesOnWarrant").all("PropertyOnWarrant");
      assertNull(properties.getFirst().child("City"));
      assertNotNull(properties.getFirst().text("State"));
      assertNotNull(properties.getFirst().text("PostalCode"));
      assertNotNull(properties.get(1).text("City"));
    }
    for (ParsedExtract.Node index : casesOf(EdgeCase.MISSING_OUTCOME_BASED_ON)) {
      ParsedExtract.Node outcome =
          first(
              first(index, "Appearances", "Appearance"), "AppearanceOutcomes", "AppearanceOutcome");
      assertNotNull(outcome.text("AppearanceOutcomeType"));
      assertNull(outcome.child("OutcomeBasedOnType"));
    }
  }

  @Test
  void emptyAndWhitespaceOnlyElements() {
    for (ParsedExtract.Node index : casesOf(EdgeCase.EMPTY_ELEMENTS)) {
      assertEquals("", index.text("Court"));
      assertEquals("", index.text("Status"));
      assertEquals("", first(index, "PropertyAddresses", "PropertyAddress").text("State"));
      assertTrue(index.child("Events").children().isEmpty());
      assertTrue(first(index, "Judgments", "Judgment").child("Creditors").children().isEmpty());
    }
    for (ParsedExtract.Node index : casesOf(EdgeCase.WHITESPACE_VALUES)) {
      assertEquals("   ", index.text("Classification"));
      assertEquals("\t", index.child("SpecialtyDesignations").children().getFirst().text());
      assertEquals(" ", index.child("Parties").all("Party").getLast().text("Role"));
    }
  }

  @Test
  void invalidValuesThatMustFailTheirCase() {
    for (ParsedExtract.Node index : casesOf(EdgeCase.INVALID_DATE)) {
      assertEquals("2025-02-30", index.text("FiledDate"));
    }
    for (ParsedExtract.Node index : casesOf(EdgeCase.INVALID_INTEGER)) {
      assertEquals("two", first(index, "Motions", "Motion").text("Sequence"));
    }
    for (ParsedExtract.Node index : casesOf(EdgeCase.INVALID_BOOLEAN)) {
      assertEquals("yes", lastJudgment(index).text("WithPossession"));
    }
    for (ParsedExtract.Node index : casesOf(EdgeCase.INVALID_AMOUNT)) {
      assertEquals("12,50", lastJudgment(index).text("TotalJudgmentAmount"));
    }
    List<ParsedExtract.Node> withoutId = casesOf(EdgeCase.MISSING_INDEX_NUMBER_ID);
    withoutId.forEach(index -> assertNull(index.child("IndexNumberId")));
    assertEquals(3, extract.cases().stream().filter(index -> index.id() == null).count());
    assertTrue(
        result.edgeCases().stream()
            .filter(instance -> instance.kind() == EdgeCase.MISSING_INDEX_NUMBER_ID)
            .allMatch(instance -> instance.indexNumberId() == null));
  }

  @Test
  void aNormalFileHasNoneOfThem() throws Exception {
    GenerationResult normal =
        new ExtractGenerator(GeneratorSettings.defaults().withCases(CASES))
            .write(dir.resolve("normal"));
    ParsedExtract plain = ParsedExtract.read(normal.zip());
    assertTrue(normal.edgeCases().isEmpty());
    assertEquals(0, plain.cdataSections);
    String xml = rawXml(normal.zip());
    assertFalse(xml.contains("&#"), "no character references");
    assertFalse(xml.contains("&amp;"), "no escaped ampersands");
    Set<String> ids = new HashSet<>();
    Set<String> tricky = Set.copyOf(EdgeCaseMutations.TRICKY_ARRAY_ELEMENTS);
    for (ParsedExtract.Node index : plain.indexes) {
      assertNotNull(index.id());
      if (!index.isDelete()) {
        assertTrue(ids.add(index.id()), "no duplicate ids");
      }
      for (ParsedExtract.Node node : index.descendants()) {
        assertFalse(tricky.contains(node.text()), node.text());
        assertTrue(node.text().length() < 10_000, "no huge text");
        assertFalse(
            List.of("2025-02-30", "two", "yes", "12,50").contains(node.text()), node.text());
        assertTrue(node.text().isEmpty() || !node.text().isBlank(), "no whitespace-only values");
      }
      assertTrue(index.isDelete() || !index.text("Court").isEmpty());
    }
  }

  private static String rawXml(Path zip) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile());
        InputStream in = file.getInputStream(file.getEntry(ExtractGenerator.MEMBER))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
