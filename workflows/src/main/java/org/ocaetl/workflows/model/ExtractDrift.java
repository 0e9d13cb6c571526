package org.ocaetl.workflows.model;

import java.util.List;

/**
 * How a file's cases differ from what the parser maps: element and attribute paths no column reads
 * and how often each occurred (never a value), and, for a file large enough to expect every
 * column, the column paths that never occurred. All of it is in the file's report.json.
 *
 * @param unmapped the first distinct unmapped paths (e.g. {@code Index/RentalAssistance/Amount},
 *     attributes as {@code Index/Court/@code}), most frequent first
 * @param unmappedNotListed occurrences of unmapped paths beyond those listed
 * @param mappedNeverSeen column paths that no case of a large file held
 */
public record ExtractDrift(List<PathCount> unmapped, long unmappedNotListed, List<String> mappedNeverSeen) {

  /** One path and its occurrences. */
  public record PathCount(String path, long count) {}

  public static final ExtractDrift NONE = new ExtractDrift(List.of(), 0, List.of());

  public ExtractDrift {
    unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    mappedNeverSeen = mappedNeverSeen == null ? List.of() : List.copyOf(mappedNeverSeen);
  }

  /** Nothing to report. */
  public boolean none() {
    return unmapped.isEmpty() && unmappedNotListed == 0 && mappedNeverSeen.isEmpty();
  }
}
