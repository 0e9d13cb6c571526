package org.ocaetl.worker.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.testing.OcaEnvironment;
import org.ocaetl.worker.testing.PrometheusBinaries;

/**
 * The alert rules in k8s/prometheus: valid ({@code promtool check rules}), doing what their
 * promtool tests expect ({@code promtool test rules}), each alert tested and in README's runbook,
 * and the PrometheusRule resource holding the same groups as the plain file.
 */
class PrometheusRulesTest {
  static final Path RULES_DIR = OcaEnvironment.REPO.resolve("k8s/prometheus");
  static final Path RULES = RULES_DIR.resolve("oca-rules.yaml");
  static final Path PROMETHEUS_RULE = RULES_DIR.resolve("oca-prometheusrule.yaml");
  static final YAMLMapper YAML = new YAMLMapper();

  @Test
  @Tag("slow")
  void promtoolAcceptsTheRules() throws Exception {
    Path promtool = PrometheusBinaries.require("promtool");
    PrometheusBinaries.Run check = PrometheusBinaries.run(RULES_DIR, promtool.toString(), "check", "rules", RULES.toString());
    assertEquals(0, check.exitCode(), check.output());
  }

  @Test
  @Tag("slow")
  void everyPromtoolTestPasses() throws Exception {
    Path promtool = PrometheusBinaries.require("promtool");
    List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
    testFiles().forEach(file -> command.add(file.toString()));
    PrometheusBinaries.Run test = PrometheusBinaries.run(RULES_DIR, command.toArray(String[]::new));
    assertEquals(0, test.exitCode(), test.output());
    assertFalse(test.output().contains("FAILED"), test.output());
  }

  @Test
  void everyAlertHasAPromtoolTestAndARunbookEntry() throws Exception {
    StringBuilder tests = new StringBuilder();
    for (Path file : testFiles()) {
      tests.append(Files.readString(file));
    }
    String readme = Files.readString(OcaEnvironment.REPO.resolve("README.md"));
    List<String> alerts = alertNames(YAML.readTree(RULES.toFile()).get("groups"));
    assertEquals(10, alerts.size(), alerts.toString());
    for (String alert : alerts) {
      assertTrue(tests.toString().contains("alertname: " + alert + "\n"), alert + " has a promtool test");
      assertTrue(readme.contains("| `" + alert + "` |"), alert + " is in README's runbook table");
    }
  }

  @Test
  void thePrometheusRuleResourceHoldsTheSameGroups() throws Exception {
    JsonNode resource = YAML.readTree(PROMETHEUS_RULE.toFile());
    assertEquals("monitoring.coreos.com/v1", resource.get("apiVersion").asText());
    assertEquals("PrometheusRule", resource.get("kind").asText());
    assertEquals(YAML.readTree(RULES.toFile()).get("groups"), resource.at("/spec/groups"),
        "edit oca-rules.yaml and oca-prometheusrule.yaml together");
  }

  static List<Path> testFiles() throws Exception {
    try (Stream<Path> files = Files.list(RULES_DIR.resolve("tests"))) {
      List<Path> tests = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertFalse(tests.isEmpty());
      return tests;
    }
  }

  static List<String> alertNames(JsonNode groups) {
    List<String> names = new ArrayList<>();
    groups.forEach(group -> group.get("rules").forEach(rule -> {
      if (rule.has("alert")) {
        names.add(rule.get("alert").asText());
      }
    }));
    return names;
  }
}
