package org.ocaetl.parse;

import java.util.List;

/**
 * How a file's {@code Index} elements differ from what the parser maps (docs/design.md#extract-drift):
 * element and attribute paths no column reads, with their counts (never their values), and, for a
 * file large enough to expect them, the column paths that never occurred.
 *
 * @param unmapped the first {@value ExtractDriftCounter#PATHS_KEPT} distinct unmapped paths (e.g.
 *     {@code Index/RentalAssistance/Amount}, attributes as {@code Index/Court/@code}) and how
 *     often each occurred, most frequent first
 * @param unmappedNotListed occurrences of unmapped paths beyond those listed
 * @param mappedNeverSeen column paths no case held, for files of at least {@value
 *     ExtractDriftCounter#CASES_TO_EXPECT_EVERY_PATH} cases; empty for smaller ones
 */
public record ExtractDrift(List<PathCount> unmapped, long unmappedNotListed, List<String> mappedNeverSeen) {

  /** One path and its occurrences. */
  public record PathCount(String path, long count) {}

  public static final ExtractDrift NONE = new ExtractDrift(List.of(), 0, List.of());

  public ExtractDrift {
    unmapped = List.copyOf(unmapped);
    mappedNeverSeen = List.copyOf(mappedNeverSeen);
  }

  /**
   * A bounded label for a path: the mapped child of {@code Index} it lies in (e.g. {@code Parties}
   * for {@code Index/Parties/Party/@id}), {@code Index} for an attribute of Index itself, or
   * {@code other} for a section the parser does not know. Never the unknown name itself: a file
   * could otherwise create any number of metric series.
   */
  public static String section(String path) {
    String[] steps = path.split("/", 3);
    if (steps.length < 2 || steps[1].startsWith("@")) {
      return MappedPaths.INDEX;
    }
    return MappedPaths.ROOT.children.containsKey(steps[1]) ? steps[1] : "other";
  }

  /** Nothing to report. */
  public boolean none() {
    return unmapped.isEmpty() && unmappedNotListed == 0 && mappedNeverSeen.isEmpty();
  }
}
