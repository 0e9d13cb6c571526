package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractDrift;
import org.ocaetl.testing.TestExtracts;

/**
 * An extract that changed (docs/design.md#extract-drift): elements and attributes the
 * parser does not map are reported by path and count in the parse report, report.json and the
 * metrics, never by value; a generated extract reports nothing.
 */
class ExtractDriftReportTest {
  static final String STREET = "1234 GRAND CONCOURSE";

  @TempDir Path dir;

  @Test
  void anUnknownScalarSectionAndAttributeAreReportedEverywhereWithoutValues() throws Exception {
    Path zip = TestExtracts.zip(dir, "LandlordTenant.Incr.2024-03-08.zip", TestExtracts.extract("2024-03-08",
        TestExtracts.index("A", "<Court>Bronx Housing Court</Court><EvictionMoratoriumFlag>Y</EvictionMoratoriumFlag>"),
        TestExtracts.index("B", "<Court>Kings Housing Court</Court>"
            + "<RentalAssistance><Program>ERAP</Program><PayeeAddress>" + STREET + "</PayeeAddress></RentalAssistance>"),
        TestExtracts.index("C", "<Court code=\"BX\">Bronx Housing Court</Court>")));

    StagedFile staged = StagedFile.of(zip, dir);

    ExtractDrift drift = staged.parse().drift();
    assertEquals(
        List.of(
            new ExtractDrift.PathCount("Index/Court/@code", 1),
            new ExtractDrift.PathCount("Index/EvictionMoratoriumFlag", 1),
            new ExtractDrift.PathCount("Index/RentalAssistance", 1),
            new ExtractDrift.PathCount("Index/RentalAssistance/PayeeAddress", 1),
            new ExtractDrift.PathCount("Index/RentalAssistance/Program", 1)),
        drift.unmapped());
    assertEquals(3, staged.rows(OcaTable.OCA_INDEX).size(), "the cases themselves still convert");

    String report = Files.readString(staged.outDir().resolve("report.json"));
    JsonNode json = new ObjectMapper().readTree(report);
    assertEquals("Index/Court/@code", json.at("/drift/unmapped/0/path").asText());
    assertEquals(5, json.at("/drift/unmapped").size());
    assertFalse(report.contains(STREET) || report.contains("ERAP") || report.contains("BX"), report);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new PipelineMetrics(registry).parsed(staged.parse());
    assertEquals(1, registry.get("oca.extract.unmapped.elements").tag("section", "Court").counter().count());
    assertEquals(4, registry.get("oca.extract.unmapped.elements").tag("section", "other").counter().count());
  }

  @Test
  void aGeneratedExtractHasNoDriftAndItsReportNoDriftEntry() throws Exception {
    Path zip = new ExtractGenerator(GeneratorSettings.defaults().withCases(2_000)).generate(dir.resolve("inbox"));

    StagedFile staged = StagedFile.of(zip, dir);

    assertTrue(staged.parse().drift().none(), staged.parse().drift().toString());
    assertFalse(new ObjectMapper().readTree(staged.outDir().resolve("report.json").toFile()).has("drift"));
  }

  @Test
  void aGeneratedExtractLargeEnoughToExpectEveryColumnHoldsThemAll() throws Exception {
    // The threshold's claim (ExtractDriftCounter#CASES_TO_EXPECT_EVERY_PATH), held to the generator.
    Path zip = new ExtractGenerator(
        GeneratorSettings.defaults().withCases((int) org.ocaetl.parse.ExtractDriftCounter.CASES_TO_EXPECT_EVERY_PATH))
        .generate(dir.resolve("inbox"));

    StagedFile staged = StagedFile.of(zip, dir);

    assertEquals(List.of(), staged.parse().drift().mappedNeverSeen());
  }
}
