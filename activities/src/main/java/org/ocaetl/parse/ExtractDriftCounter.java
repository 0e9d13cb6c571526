package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, over the cases of one file, every element and attribute path of an {@code Index} that
 * {@link MappedPaths} does not know, and which column paths occurred. Memory is bounded whatever
 * the file holds: at most {@value #PATHS_KEPT} distinct unmapped paths are kept (the rest are only
 * counted) and the seen column paths are a subset of the mapped ones. Not thread-safe: one per
 * parse, used by the staging writer thread.
 */
public final class ExtractDriftCounter {
  /** Distinct unmapped paths kept with their counts; a hostile file cannot grow the heap past them. */
  public static final int PATHS_KEPT = 100;

  /**
   * From this many cases on, a column path that never occurred is reported: every column of the
   * extract's documented layout occurs in a few thousand cases of a real week (and in the first
   * 10,000 of the synthetic generator), so a path missing from 10,000 cases means a section or
   * element was renamed or dropped. Smaller files (a quiet week) report unmapped paths only.
   */
  public static final long CASES_TO_EXPECT_EVERY_PATH = 10_000;

  private final Map<String, Long> unmapped = new LinkedHashMap<>();
  private long unmappedNotListed;
  private final Set<String> seen = new HashSet<>();
  private long cases;

  /** Counts one case read as a whole; a case cut short as too large has no tree to count. */
  public void count(ParsedElement index) {
    cases++;
    if (index.size() != null && index.size().tooLarge() != null) {
      return;
    }
    attributes(index, MappedPaths.INDEX);
    walk(index, MappedPaths.ROOT);
  }

  private void walk(ParsedElement element, MappedPaths.Node node) {
    List<ParsedElement> children = element.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      ParsedElement child = children.get(i);
      MappedPaths.Node known = node.children.get(child.name());
      if (known != null) {
        seen.add(known.path);
        attributes(child, known.path);
        walk(child, known);
      } else {
        unknown(child, node.path + "/" + child.name(), node);
      }
    }
  }

  /**
   * An element no column reads, and everything inside it; under a container, an item nested in it
   * is still read by the converter (items are found at any depth) and is walked as mapped.
   */
  private void unknown(ParsedElement element, String path, MappedPaths.Node container) {
    add(path);
    attributes(element, path);
    List<ParsedElement> children = element.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      ParsedElement child = children.get(i);
      if (container.anyDepthItem != null && child.name().equals(container.anyDepthItem)) {
        MappedPaths.Node item = container.children.get(child.name());
        seen.add(item.path);
        attributes(child, item.path);
        walk(child, item);
      } else {
        unknown(child, path + "/" + child.name(), container);
      }
    }
  }

  private void attributes(ParsedElement element, String path) {
    List<String> names = element.attributeNames();
    for (int i = 0, n = names.size(); i < n; i++) {
      add(path + "/@" + names.get(i));
    }
  }

  private void add(String path) {
    Long count = unmapped.get(path);
    if (count != null) {
      unmapped.put(path, count + 1);
    } else if (unmapped.size() < PATHS_KEPT) {
      unmapped.put(path, 1L);
    } else {
      unmappedNotListed++;
    }
  }

  /** What the cases counted so far show. */
  public ExtractDrift result() {
    List<ExtractDrift.PathCount> listed = new ArrayList<>();
    unmapped.forEach((path, count) -> listed.add(new ExtractDrift.PathCount(path, count)));
    listed.sort(Comparator.comparingLong(ExtractDrift.PathCount::count).reversed().thenComparing(ExtractDrift.PathCount::path));
    List<String> neverSeen =
        cases < CASES_TO_EXPECT_EVERY_PATH
            ? List.of()
            : MappedPaths.COLUMN_PATHS.stream().filter(p -> !seen.contains(p)).toList();
    return new ExtractDrift(listed, unmappedNotListed, neverSeen);
  }
}
