package org.ocaetl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Values with integer weights, picked at random in proportion to their weight. Immutable; picking
 * is a table lookup (small total weight) or a binary search over cumulative weights, and allocates
 * nothing.
 *
 * @param <T> the value type
 */
final class WeightedList<T> {
  /** Above this total weight picks use a binary search instead of a lookup table. */
  private static final int MAX_TABLE = 4096;

  private final Object[] values;
  private final int[] cumulative;

  /**
   * Value index for each possible draw when the total weight is small (all of the vocabulary's
   * are).
   */
  private final int[] table;

  WeightedList(List<T> values, List<Integer> weights) {
    if (values.isEmpty() || values.size() != weights.size()) {
      throw new IllegalArgumentException("a weighted list needs one weight per value, and a value");
    }
    this.values = values.toArray();
    this.cumulative = new int[weights.size()];
    int total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      int weight = weights.get(i);
      if (weight <= 0) {
        throw new IllegalArgumentException("weights must be positive: " + weight);
      }
      total = Math.addExact(total, weight);
      cumulative[i] = total;
    }
    this.table = total <= MAX_TABLE ? lookupTable(cumulative) : null;
  }

  private static int[] lookupTable(int[] cumulative) {
    int[] table = new int[cumulative[cumulative.length - 1]];
    int index = 0;
    for (int draw = 0; draw < table.length; draw++) {
      while (cumulative[index] <= draw) {
        index++;
      }
      table[draw] = index;
    }
    return table;
  }

  @SuppressWarnings("unchecked")
  T pick(SplittableRandom random) {
    int target = random.nextInt(cumulative[cumulative.length - 1]);
    if (table != null) {
      return (T) values[table[target]];
    }
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) { // first index whose cumulative weight exceeds target
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return (T) values[low];
  }

  @SuppressWarnings("unchecked")
  T get(int index) {
    return (T) values[index];
  }

  int size() {
    return values.length;
  }

  /** The same weights over transformed values. */
  <R> WeightedList<R> map(Function<? super T, ? extends R> mapping) {
    List<R> mapped = new ArrayList<>(values.length);
    List<Integer> weights = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      mapped.add(mapping.apply(get(i)));
      weights.add(cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]));
    }
    return new WeightedList<>(mapped, weights);
  }
}
