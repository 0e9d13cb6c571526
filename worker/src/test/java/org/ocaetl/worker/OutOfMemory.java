package org.ocaetl.worker;

import java.util.ArrayList;
import java.util.List;

/** A JVM that runs out of heap, to see how a set of JVM options ends it. */
final class OutOfMemory {
  private OutOfMemory() {}

  public static void main(String[] args) {
    List<long[]> held = new ArrayList<>();
    while (true) {
      held.add(new long[1 << 20]);
    }
  }
}
