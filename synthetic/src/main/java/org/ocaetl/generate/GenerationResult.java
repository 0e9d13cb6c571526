package org.ocaetl.generate;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ExtractGenerator} wrote.
 *
 * @param zip the extract zip
 * @param cases the {@code Index} records without {@code Delete} (edge cases included)
 * @param updates how many of them re-use an id of the previous extract
 * @param deletes the {@code Index} records with {@code Delete} (edge cases' included)
 * @param previousDeletes how many delete records name an id of the previous extract
 * @param previousCasesRead the cases found in the previous extract (0 without one)
 * @param edgeCases every edge case written, in file order
 * @param bytes the size of the zip
 */
public record GenerationResult(
    Path zip,
    int cases,
    int updates,
    int deletes,
    int previousDeletes,
    long previousCasesRead,
    List<EdgeCaseInstance> edgeCases,
    long bytes) {

  public GenerationResult {
    edgeCases = List.copyOf(edgeCases);
  }

  /** Every {@code Index} element of the file. */
  public int indexElements() {
    return cases + deletes;
  }

  /** How many edge cases of each kind were written (kinds not written are absent). */
  public Map<EdgeCase, Integer> edgeCaseCounts() {
    Map<EdgeCase, Integer> counts = new EnumMap<>(EdgeCase.class);
    for (EdgeCaseInstance instance : edgeCases) {
      counts.merge(instance.kind(), 1, Integer::sum);
    }
    return counts;
  }

  /** How many cases a correct pipeline must reject (docs/processing-rules.md#rule-8). */
  public long casesThatMustFail() {
    return edgeCases.stream().filter(instance -> instance.kind().failsItsCase()).count();
  }
}
