package org.ocaetl.generate;

import java.time.LocalDate;

/**
 * Reproducible 64-hex {@code IndexNumberId}s, shaped like OCA's de-identified tokens. The id of
 * counter {@code n} is derived from (seed, run date, filed year, n): unique within a file because
 * the first 64 bits are a bijection of {@code n}, and distinct between the files of a series
 * because the run date and filed year enter the namespace.
 */
final class CaseIds {
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final long namespace;

  CaseIds(long seed, LocalDate runDate, Integer initialFiledYear) {
    long year = initialFiledYear == null ? 0 : initialFiledYear;
    this.namespace = mix(mix(mix(seed) ^ runDate.toEpochDay()) ^ (year * GOLDEN));
  }

  /**
   * A seed for the file's random streams, derived like the ids from seed, run date and filed year.
   */
  long fileSeed() {
    return mix(namespace ^ 0x5deece66dL);
  }

  /** The id for a counter value. */
  String id(long counter) {
    long first =
        mix(
            namespace
                + counter * GOLDEN); // injective in counter: GOLDEN is odd, mix is a bijection
    char[] hex = new char[64];
    long lane = first;
    for (int part = 0; part < 4; part++) {
      for (int digit = 15; digit >= 0; digit--) {
        hex[part * 16 + digit] = HEX[(int) (lane & 0xf)];
        lane >>>= 4;
      }
      lane = mix(first + (part + 1) * GOLDEN);
    }
    return new String(hex);
  }

  /**
   * A seed derived from an id alone. The stable facts of a case (court, address, parties, claim)
   * are drawn from it, so an update of the same id in a later file keeps them.
   */
  static long stableSeed(String indexNumberId) {
    long hash = 0xcbf29ce484222325L; // 64-bit FNV-1a, then a finalizer for good low bits
    for (int i = 0; i < indexNumberId.length(); i++) {
      hash ^= indexNumberId.charAt(i);
      hash *= 0x100000001b3L;
    }
    return mix(hash);
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
  static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
