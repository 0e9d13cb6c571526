package org.ocaetl.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the edge cases go: rounds of every kind (a {@link EdgeCase#DUPLICATE_ID} takes two slots,
 * its first and second version), spread evenly over the file's case positions. Deterministic: it
 * depends on the number of cases only.
 */
final class EdgeCaseSchedule {

  /** One case position taken by an edge case. */
  record Slot(long position, EdgeCase kind, boolean secondVersion) {}

  private static final int ROUNDS = maxInstances();

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
    return kindsOfRound(0).size();
  }

  /** As many rounds as fit into {@code cases} positions (at least one: see {@link #minimumCases()}). */
  static EdgeCaseSchedule spreadOver(long cases) {
    if (cases < minimumCases()) {
      throw new IllegalArgumentException(
          "edge cases need at least " + minimumCases() + " cases, got " + cases);
    }
    List<EdgeCase> entries = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<EdgeCase> kinds = kindsOfRound(round);
      if (entries.size() + kinds.size() > cases) {
        break;
      }
      for (int i = 0; i < kinds.size(); i++) {
        entries.add(kinds.get(i));
        // kindsOfRound lists a duplicate twice: the second listing is the second version
        second.add(kinds.get(i) == EdgeCase.DUPLICATE_ID && kinds.subList(0, i).contains(EdgeCase.DUPLICATE_ID));
      }
    }
    List<Slot> slots = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      long position = (long) ((i + 0.5) * cases / entries.size());
      slots.add(new Slot(position, entries.get(i), second.get(i)));
    }
    return new EdgeCaseSchedule(slots);
  }

  /** The kinds of one round, in enum order, with the second version of a duplicate at its end. */
  private static List<EdgeCase> kindsOfRound(int round) {
    List<EdgeCase> kinds = new ArrayList<>();
    for (EdgeCase kind : EdgeCase.values()) {
      if (round < kind.instancesPerFile()) {
        kinds.add(kind);
      }
    }
    if (kinds.contains(EdgeCase.DUPLICATE_ID)) {
      kinds.add(EdgeCase.DUPLICATE_ID);
    }
    return kinds;
  }

  private static int maxInstances() {
    int max = 0;
    for (EdgeCase kind : EdgeCase.values()) {
      max = Math.max(max, kind.instancesPerFile());
    }
    return max;
  }

  /** How many case positions the schedule takes. */
  int size() {
    return slots.size();
  }

  /** The slot at {@code position} if the schedule has one there; positions must be asked in increasing order. */
  Slot at(long position) {
    if (next < slots.size() && slots.get(next).position() == position) {
      return slots.get(next++);
    }
    return null;
  }
}
