package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A normal extract (no --edge-cases): valid values, consistent dates, realistic shapes. */
class RealisticContentTest {
  private static final LocalDate RUN_DATE = GeneratorSettings.DEFAULT_RUN_DATE;
  private static final Set<String> DATE_ELEMENTS =
      Set.of(
          "FiledDate",
          "DisposedDate",
          "DateOfJuryDemand",
          "InterestFromDate",
          "MotionDecisionDate",
          "LatestJudgmentStatusDate",
          "OrderedDate",
          "IssuanceStayedDate",
          "IssuedDate",
          "ExecutionStayedDate",
          "MarshalRequestDate",
          "MarshalRequestReviewedDate",
          "AmendedDate",
          "VacatedDate",
          "ReturnedDate",
          "ExecutionDate");
  private static final Set<String> INTEGER_ELEMENTS =
      Set.of(
          "Sequence",
          "MotionSequence",
          "AmendedFromJudgmentSequence",
          "IssuanceStayedDays",
          "ExecutionStayedDays");
  private static final Set<String> CONTAINERS =
      Set.of(
          "SpecialtyDesignations",
          "PrimaryClaimCauseOfActions",
          "PropertyAddresses",
          "Parties",
          "Events",
          "FilingParties",
          "Appearances",
          "AppearanceOutcomes",
          "Motions",
          "Decisions",
          "Judgments",
          "Creditors",
          "Debtors",
          "Warrants",
          "PropertiesOnWarrant");
  private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{2})?");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern STREET1 = Pattern.compile("\\d+(-\\d{2})? [A-Z0-9 ]+");

  @TempDir static Path dir;
  static ParsedExtract extract;
  static GenerationResult result;

  @BeforeAll
  static void generate() throws Exception {
    result = new ExtractGenerator(GeneratorSettings.defaults().withCases(3000)).write(dir);
    extract = ParsedExtract.read(result.zip());
  }

  @Test
  void everyValueIsValidForItsColumnType() {
    for (ParsedExtract.Node index : extract.cases()) {
      assertNotNull(index.id());
      Set<ParsedExtract.Node> warrantSequences = warrantSequences(index);
      for (ParsedExtract.Node node : index.descendants()) {
        String name = node.name();
        String text = node.text();
        if (!node.children().isEmpty() || CONTAINERS.contains(name)) {
          continue;
        }
        assertFalse(text.isBlank(), () -> name + " is empty in a normal extract");
        if (DATE_ELEMENTS.contains(name)) {
          assertFalse(
              LocalDate.parse(text).isAfter(RUN_DATE),
              () -> name + " " + text + " after the run date");
        } else if (name.equals("AppearanceDateTime") || name.equals("EnteredDateTime")) {
          LocalDateTime.parse(text);
        } else if (INTEGER_ELEMENTS.contains(name) && !warrantSequences.contains(node)) {
          Integer.parseInt(text);
        } else if (name.equals("WithPossession") || name.equals("Undertenant")) {
          assertTrue(text.equals("true") || text.equals("false"), text);
        } else if (name.equals("PrimaryClaimTotal")
            || name.equals("Amount")
            || name.equals("TotalJudgmentAmount")) {
          assertTrue(AMOUNT.matcher(text).matches(), text);
        }
      }
    }
  }

  /** Warrant/Sequence is a letter, unlike the other Sequence elements. */
  private static Set<ParsedExtract.Node> warrantSequences(ParsedExtract.Node index) {
    Set<ParsedExtract.Node> sequences =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ParsedExtract.Node node : index.descendants()) {
      if (node.name().equals("Warrant") && node.child("Sequence") != null) {
        assertTrue(node.text("Sequence").matches("[A-Z]"));
        sequences.add(node.child("Sequence"));
      }
    }
    return sequences;
  }

  @Test
  void datesFollowTheCourseOfACase() {
    for (ParsedExtract.Node index : extract.cases()) {
      LocalDate filed = LocalDate.parse(index.text("FiledDate"));
      assertFalse(filed.isAfter(RUN_DATE));
      if (index.text("DisposedDate") != null) {
        assertFalse(LocalDate.parse(index.text("DisposedDate")).isBefore(filed));
      }
      for (ParsedExtract.Node event : section(index, "Events", "Event")) {
        if (event.text("FiledDate") != null) {
          assertFalse(
              LocalDate.parse(event.text("FiledDate")).isBefore(filed), "event before filing");
        }
      }
      for (ParsedExtract.Node appearance : section(index, "Appearances", "Appearance")) {
        assertTrue(
            LocalDateTime.parse(appearance.text("AppearanceDateTime"))
                .toLocalDate()
                .isAfter(filed));
      }
      for (ParsedExtract.Node judgment : section(index, "Judgments", "Judgment")) {
        LocalDate judged = LocalDate.parse(judgment.text("FiledDate"));
        assertTrue(judged.isAfter(filed), "judgment after filing");
        assertFalse(
            LocalDateTime.parse(judgment.text("EnteredDateTime")).toLocalDate().isBefore(judged));
        for (ParsedExtract.Node warrant : section(judgment, "Warrants", "Warrant")) {
          if (warrant.text("OrderedDate") != null) {
            assertFalse(
                LocalDate.parse(warrant.text("OrderedDate")).isBefore(judged),
                "warrant before judgment");
          }
          if (warrant.text("IssuedDate") != null) {
            assertTrue(
                LocalDate.parse(warrant.text("IssuedDate"))
                    .isAfter(LocalDate.parse(warrant.text("OrderedDate"))));
          }
        }
      }
    }
  }

  @Test
  void addressesLookLikeNewYorkAddresses() {
    Map<String, String> boroughCity =
        Map.of(
            "Bronx County Civil Court - Housing Part", "BRONX",
            "Kings County Civil Court - Housing Part", "BROOKLYN",
            "New York County Civil Court - Housing Part", "NEW YORK|MANHATTAN",
            "Richmond County Civil Court - Housing Part", "STATEN ISLAND");
    int hyphenated = 0;
    int withoutStreet2 = 0;
    for (ParsedExtract.Node index : extract.cases()) {
      for (ParsedExtract.Node address : section(index, "PropertyAddresses", "PropertyAddress")) {
        String street1 = address.text("Street1");
        assertTrue(STREET1.matcher(street1).matches(), street1);
        assertTrue(ZIP.matcher(address.text("PostalCode")).matches());
        assertEquals("NY", address.text("State"));
        String expectedCity = boroughCity.get(index.text("Court"));
        if (expectedCity != null) {
          assertTrue(
              address.text("City").toUpperCase().matches(expectedCity), address.text("City"));
        }
        if (index.text("Court").startsWith("Queens") && street1.matches("\\d+-\\d{2} .*")) {
          hyphenated++;
        }
        if (address.text("Street2") == null) {
          withoutStreet2++;
        }
      }
    }
    assertTrue(hyphenated > 100, "Queens house numbers like 104-11: " + hyphenated);
    assertTrue(withoutStreet2 > 300, "some addresses have no apartment: " + withoutStreet2);
  }

  @Test
  void childCountsHaveRealisticAveragesAndSectionsAreSometimesMissingOrEmpty() {
    Map<String, Double> perCase = new HashMap<>();
    Map<String, Integer> missing = new HashMap<>();
    Map<String, Integer> empty = new HashMap<>();
    List<String[]> sections =
        List.of(
            new String[] {"Parties", "Party"},
            new String[] {"PropertyAddresses", "PropertyAddress"},
            new String[] {"Events", "Event"},
            new String[] {"Appearances", "Appearance"},
            new String[] {"Motions", "Motion"},
            new String[] {"Decisions", "Decision"},
            new String[] {"Judgments", "Judgment"});
    for (ParsedExtract.Node index : extract.cases()) {
      for (String[] section : sections) {
        ParsedExtract.Node container = index.child(section[0]);
        if (container == null) {
          missing.merge(section[0], 1, Integer::sum);
        } else if (container.children().isEmpty()) {
          empty.merge(section[0], 1, Integer::sum);
        }
        perCase.merge(
            section[0],
            (double) section(index, section[0], section[1]).size() / extract.cases().size(),
            Double::sum);
      }
    }
    assertBetween(2.6, 3.4, perCase.get("Parties"), "parties per case");
    assertBetween(1.1, 1.5, perCase.get("PropertyAddresses"), "addresses per case");
    assertBetween(2.0, 5.0, perCase.get("Events"), "events per case");
    assertBetween(1.0, 4.0, perCase.get("Appearances"), "appearances per case");
    assertBetween(0.2, 2.0, perCase.get("Judgments"), "judgments per case");
    for (String section : List.of("Events", "Appearances", "Motions", "Decisions", "Judgments")) {
      assertTrue(missing.getOrDefault(section, 0) > 0, section + " sometimes missing");
      assertTrue(empty.getOrDefault(section, 0) > 0, section + " sometimes present but empty");
    }
    assertFalse(missing.containsKey("Parties"));
  }

  @Test
  void highlightsAreMultiLineKeyValueTextWithAccentedNames() {
    List<String> highlights =
        extract.cases().stream()
            .flatMap(index -> section(index, "Decisions", "Decision").stream())
            .map(decision -> decision.text("HighlightNoPersonallyIdentifyingInfo"))
            .filter(text -> text != null)
            .toList();
    assertTrue(highlights.size() > 500);
    for (String highlight : highlights) {
      for (String line : highlight.split("\n")) {
        assertTrue(line.matches("\\.{5}[A-Z][A-Za-z ]+: .+"), line);
      }
    }
    assertTrue(highlights.stream().anyMatch(h -> h.contains("\n")), "multi-line");
    assertTrue(highlights.stream().anyMatch(h -> h.matches("(?s).*[éëñøÖØ].*")), "accented names");
  }

  @Test
  void amountsAreWrittenWithTwoDecimalsOrAsWholeDollars() {
    List<String> totals =
        extract.cases().stream()
            .map(index -> index.text("PrimaryClaimTotal"))
            .filter(t -> t != null)
            .toList();
    assertTrue(totals.stream().anyMatch(t -> t.contains(".")));
    assertTrue(totals.stream().anyMatch(t -> !t.contains(".")));
    for (ParsedExtract.Node index : extract.cases()) {
      List<ParsedExtract.Node> causes =
          section(index, "PrimaryClaimCauseOfActions", "PrimaryClaimCauseOfAction");
      if (!causes.isEmpty() && causes.stream().allMatch(c -> c.text("Amount") != null)) {
        BigDecimal sum =
            causes.stream()
                .map(c -> new BigDecimal(c.text("Amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(
            0,
            sum.compareTo(new BigDecimal(index.text("PrimaryClaimTotal"))),
            "causes add up to the total");
      }
    }
  }

  static List<ParsedExtract.Node> section(
      ParsedExtract.Node parent, String container, String item) {
    ParsedExtract.Node node = parent.child(container);
    return node == null ? List.of() : node.all(item);
  }

  private static void assertBetween(double low, double high, double actual, String what) {
    assertTrue(actual >= low && actual <= high, what + ": " + actual);
  }
}
