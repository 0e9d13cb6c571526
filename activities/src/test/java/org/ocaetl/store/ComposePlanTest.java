package org.ocaetl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts S3 assembles an object from: S3's size rules hold, every byte comes once, in order. */
class ComposePlanTest {
  static final long MIB = 1 << 20;

  @Test
  void largeSourcesAreCopiedAndSmallNeighboursCombinedIntoPartsOfFiveMebibytes() {
    List<Long> sizes = List.of(3 * MIB, 7 * MIB, 100L, 200L, 6 * MIB, 0L, 1 * MIB, 12 * MIB, 10L);
    List<ComposePlan.Part> parts = ComposePlan.of(120, sizes);

    assertRules(120, sizes, parts);
    // the head and source 0 ride with the first bytes of source 1; the rest of source 1 is copied
    assertEquals(List.of(new ComposePlan.Range(-1, 0, 119), new ComposePlan.Range(0, 0, 3 * MIB - 1),
        new ComposePlan.Range(1, 0, 2 * MIB - 121)), parts.get(0).ranges());
    assertTrue(parts.get(1).copied());
    assertEquals(new ComposePlan.Range(1, 2 * MIB - 120, 7 * MIB - 1), parts.get(1).ranges().getFirst());
    assertTrue(parts.stream().filter(ComposePlan.Part::copied).count() >= 2, parts.toString());
  }

  @Test
  void onlySmallSourcesAreOneUploadedPart() {
    List<Long> sizes = List.of(10L, 20L, 30L);
    List<ComposePlan.Part> parts = ComposePlan.of(5, sizes);
    assertRules(5, sizes, parts);
    assertEquals(1, parts.size());
  }

  @Test
  void copiesAreCutBelowTheLimitOfOneCopy() {
    List<Long> sizes = List.of(ComposePlan.MAX_COPY * 2 + 3 * MIB);
    List<ComposePlan.Part> parts = ComposePlan.of(64, sizes);
    assertRules(64, sizes, parts);
    assertTrue(parts.stream().allMatch(p -> p.size() <= ComposePlan.MAX_COPY + ComposePlan.MIN_PART));
  }

  /** Every part but the last at least 5 MiB, uploaded parts below 10 MiB, all bytes once and in order. */
  private static void assertRules(long head, List<Long> sizes, List<ComposePlan.Part> parts) {
    for (int i = 0; i < parts.size() - 1; i++) {
      assertTrue(parts.get(i).size() >= ComposePlan.MIN_PART, "part " + i + " of " + parts);
    }
    for (ComposePlan.Part p : parts) {
      assertTrue(p.copied() ? p.ranges().size() == 1 : p.size() < 2 * ComposePlan.MIN_PART, p.toString());
    }
    List<ComposePlan.Range> expected = new ArrayList<>();
    expected.add(new ComposePlan.Range(-1, 0, head - 1));
    for (int i = 0; i < sizes.size(); i++) {
      if (sizes.get(i) > 0) {
        expected.add(new ComposePlan.Range(i, 0, sizes.get(i) - 1));
      }
    }
    assertEquals(expected, merged(parts));
  }

  /** The ranges of all parts in order, adjacent ranges of one source joined. */
  private static List<ComposePlan.Range> merged(List<ComposePlan.Part> parts) {
    List<ComposePlan.Range> out = new ArrayList<>();
    for (ComposePlan.Part p : parts) {
      for (ComposePlan.Range r : p.ranges()) {
        ComposePlan.Range last = out.isEmpty() ? null : out.getLast();
        if (last != null && last.source() == r.source() && last.last() + 1 == r.first()) {
          out.set(out.size() - 1, new ComposePlan.Range(r.source(), last.first(), r.last()));
        } else {
          out.add(r);
        }
      }
    }
    return out;
  }
}
