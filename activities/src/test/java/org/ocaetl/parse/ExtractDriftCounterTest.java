package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the drift counter reports of single cases, and that it stays bounded. */
class ExtractDriftCounterTest {

  static ExtractDrift drift(String... indexes) {
    ExtractDriftCounter counter = new ExtractDriftCounter();
    for (String index : indexes) {
      counter.count(Trees.parse(index));
    }
    return counter.result();
  }

  @Test
  void aCaseOfMappedElementsOnlyHasNoDrift() {
    ExtractDrift drift = drift(
        "<Index><IndexNumberId>A</IndexNumberId><Court>Bronx</Court><SpecialtyDesignations>"
            + "<SpecialtyDesignationType>X</SpecialtyDesignationType></SpecialtyDesignations>"
            + "<Parties><Party><Role>Petitioner</Role></Party></Parties>"
            + "<Judgments><Judgment><Sequence>1</Sequence><Warrants><Warrant><Sequence>1</Sequence>"
            + "<PropertiesOnWarrant><PropertyOnWarrant><City>Bronx</City></PropertyOnWarrant></PropertiesOnWarrant>"
            + "</Warrant></Warrants><Creditors><Creditor><Role>P</Role></Creditor></Creditors></Judgment></Judgments></Index>",
        "<Index><IndexNumberId>B</IndexNumberId><Delete/></Index>");
    assertTrue(drift.none(), drift.toString());
  }

  @Test
  void unknownScalarsSectionsAndAttributesAreCountedByPathWithoutValues() {
    ExtractDrift drift = drift(
        "<Index><IndexNumberId>A</IndexNumberId><EvictionMoratoriumFlag>Y</EvictionMoratoriumFlag></Index>",
        "<Index><IndexNumberId>B</IndexNumberId><EvictionMoratoriumFlag>N</EvictionMoratoriumFlag>"
            + "<RentalAssistance><Program>ERAP</Program><Amount>1200</Amount></RentalAssistance>"
            + "<Court code=\"BX\">Bronx</Court><Parties><Party id=\"7\" seq=\"1\"><Role>R</Role><Email>x@y</Email></Party></Parties></Index>");
    assertEquals(
        List.of(
            new ExtractDrift.PathCount("Index/EvictionMoratoriumFlag", 2),
            new ExtractDrift.PathCount("Index/Court/@code", 1),
            new ExtractDrift.PathCount("Index/Parties/Party/@id", 1),
            new ExtractDrift.PathCount("Index/Parties/Party/@seq", 1),
            new ExtractDrift.PathCount("Index/Parties/Party/Email", 1),
            new ExtractDrift.PathCount("Index/RentalAssistance", 1),
            new ExtractDrift.PathCount("Index/RentalAssistance/Amount", 1),
            new ExtractDrift.PathCount("Index/RentalAssistance/Program", 1)),
        drift.unmapped());
    assertEquals(0, drift.unmappedNotListed());
    assertTrue(drift.mappedNeverSeen().isEmpty(), "a small file does not expect every column");
  }

  @Test
  void anItemInsideAnUnknownWrapperIsStillMapped() {
    // The converter finds a group's items at any depth under its container: they are read, not dropped.
    ExtractDrift drift = drift(
        "<Index><IndexNumberId>A</IndexNumberId><Parties><Page><Party><Role>R</Role></Party></Page></Parties></Index>");
    assertEquals(List.of(new ExtractDrift.PathCount("Index/Parties/Page", 1)), drift.unmapped());
  }

  @Test
  void aHostileFileCannotGrowTheListPastItsBound() {
    StringBuilder inner = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      inner.append("<Unknown").append(i).append("/>");
    }
    ExtractDrift drift = drift("<Index><IndexNumberId>A</IndexNumberId>" + inner + "</Index>");
    assertEquals(ExtractDriftCounter.PATHS_KEPT, drift.unmapped().size());
    assertEquals(400, drift.unmappedNotListed());
  }

  @Test
  void columnPathsMissingFromALargeFileAreReported() {
    String index = "<Index><IndexNumberId>A</IndexNumberId><Court>Bronx</Court></Index>";
    ExtractDriftCounter counter = new ExtractDriftCounter();
    for (long i = 1; i < ExtractDriftCounter.CASES_TO_EXPECT_EVERY_PATH; i++) {
      counter.count(Trees.parse(index));
    }
    assertTrue(counter.result().mappedNeverSeen().isEmpty(), "one case short of the threshold");

    counter.count(Trees.parse(index));
    List<String> neverSeen = counter.result().mappedNeverSeen();
    assertTrue(neverSeen.contains("Index/FiledDate"), neverSeen.toString());
    assertTrue(neverSeen.contains("Index/Judgments/Judgment/Warrants/Warrant/PropertiesOnWarrant/PropertyOnWarrant/PostalCode"), neverSeen.toString());
    assertTrue(neverSeen.contains("Index/SpecialtyDesignations/SpecialtyDesignationType"), neverSeen.toString());
    assertTrue(!neverSeen.contains("Index/Court") && !neverSeen.contains("Index/IndexNumberId"), neverSeen.toString());
    assertEquals(MappedPaths.COLUMN_PATHS.size() - 2, neverSeen.size(), neverSeen.toString());
  }

  @Test
  void metricLabelsAreTheMappedSectionsOnly() {
    assertEquals("Parties", ExtractDrift.section("Index/Parties/Party/@id"));
    assertEquals("Court", ExtractDrift.section("Index/Court/@code"));
    assertEquals("other", ExtractDrift.section("Index/RentalAssistance/Amount"));
    assertEquals("Index", ExtractDrift.section("Index/@version"));
  }
}
