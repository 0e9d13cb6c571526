package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status page's reading of a staged report.json: counts by element and reason, bounded, never a value. */
class StagedFailuresTest {
  @Test
  void countsReasonsWithoutLineNumbersMostFrequentFirst() throws IOException {
    StagedFailures.Summary summary = StagedFailures.read(report(7, List.of(
        failure("FiledDate", "2024-02-30", "not a real calendar date (line 7)"),
        failure("Judgments/Judgment/Sequence", "x", "not an integer (line 9)"),
        failure("FiledDate", "2023-13-01", "not a real calendar date (line 12)"))));

    assertEquals(7, summary.failedCases());
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("FiledDate: not a real calendar date", 2L);
    expected.put("Judgments/Judgment/Sequence: not an integer", 1L);
    assertEquals(expected, summary.reasons());
  }

  @Test
  void distinctReasonsAreBoundedAndTheRestCountedTogether() throws IOException {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < StagedFailures.DISTINCT_REASONS + 5; i++) {
      failures.add(failure("Element" + i, "v", "reason (line " + i + ")"));
    }

    StagedFailures.Summary summary = StagedFailures.read(report(failures.size(), failures));

    assertEquals(StagedFailures.DISTINCT_REASONS, summary.reasons().size());
    assertEquals(6L, summary.reasons().get(StagedFailures.OTHER_REASONS), summary.reasons().toString());
    assertEquals(failures.size(), summary.reasons().values().stream().mapToLong(Long::longValue).sum());
  }

  private static String failure(String element, String value, String reason) {
    return """
        {"caseSeq": 1, "caseId": "LT-1", "element": "%s", "value": "%s", "reason": "%s"}"""
        .formatted(element, value, reason);
  }

  private static ByteArrayInputStream report(long failed, List<String> failures) {
    String json = """
        {"fileName": "f.zip", "warnings": ["w"], "cases": {"seen": 9, "staged": 2, "deleted": 0, "failed": %d},
         "rowsPerTable": {"oca_index": 2}, "failures": [%s]}"""
        .formatted(failed, String.join(",", failures));
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
