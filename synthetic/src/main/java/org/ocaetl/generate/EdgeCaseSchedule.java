package org.ocaetl.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the edge cases go: rounds of every kind (a {@link EdgeCase#DUPLICATE_ID} takes two slots,
 * its first and second version), spread evenly over the file's case positions. Deterministic: it
 * depends on the number of cases only.
 */
final class EdgeCaseSchedule {

  /** One case position taken by an edge case. */
  record Slot(long position, EdgeCase kind, boolean secondVersion) {}

  /** An edge case before it has a position. */
  private record Entry(EdgeCase kind, boolean secondVersion) {}

  private static final int ROUNDS =
      Arrays.stream(EdgeCase.values()).mapToInt(EdgeCase::instancesPerFile).max().orElse(0);

  private final List<Slot> slots;
  private int next;

  private EdgeCaseSchedule(List<Slot> slots) {
    this.slots = slots;
  }

  /** No edge cases. */
  static EdgeCaseSchedule none() {
    return new EdgeCaseSchedule(List.of());
  }

  /** The fewest cases a file with edge cases must have (one round of every kind). */
  static int minimumCases() {
    return round(0).size();
  }

  /**
   * As many rounds as fit into {@code cases} positions (at least one: see {@link #minimumCases()}).
   */
  static EdgeCaseSchedule spreadOver(long cases) {
    if (cases < minimumCases()) {
      throw new IllegalArgumentException(
          "edge cases need at least " + minimumCases() + " cases, got " + cases);
    }
    List<Entry> entries = new ArrayList<>();
    for (int number = 0; number < ROUNDS; number++) {
      List<Entry> round = round(number);
      if (entries.size() + round.size() > cases) {
        break;
      }
      entries.addAll(round);
    }
    List<Slot> slots = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      long position = (long) ((i + 0.5) * cases / entries.size()); // distinct: cases >= entries
      slots.add(new Slot(position, entries.get(i).kind(), entries.get(i).secondVersion()));
    }
    return new EdgeCaseSchedule(slots);
  }

  /** One round: each kind still due, in enum order, then the second version of the duplicate. */
  private static List<Entry> round(int number) {
    List<Entry> entries = new ArrayList<>();
    for (EdgeCase kind : EdgeCase.values()) {
      if (number < kind.instancesPerFile()) {
        entries.add(new Entry(kind, false));
      }
    }
    if (number < EdgeCase.DUPLICATE_ID.instancesPerFile()) {
      entries.add(new Entry(EdgeCase.DUPLICATE_ID, true));
    }
    return entries;
  }

  /** How many case positions the schedule takes. */
  int size() {
    return slots.size();
  }

  /**
   * The slot at {@code position} if the schedule has one there; positions must be asked in
   * increasing order.
   */
  Slot at(long position) {
    if (next < slots.size() && slots.get(next).position() == position) {
      return slots.get(next++);
    }
    return null;
  }
}
