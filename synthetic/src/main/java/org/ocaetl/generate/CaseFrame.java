package org.ocaetl.generate;

import java.util.SplittableRandom;

/**
 * The time frame and randomness of the case being generated: dates are kept consistent (filed
 * before appearances before judgments before warrants) by drawing them inside this frame.
 *
 * @param filedDay the case's filed date (epoch day)
 * @param runDay the extract's run date (epoch day): nothing has happened after it
 * @param full whether every section must have content (the base of an edge case)
 * @param random the file's stream for the changing parts of the case
 */
record CaseFrame(long filedDay, long runDay, boolean full, SplittableRandom random) {

  long age() {
    return runDay - filedDay;
  }

  /** A day uniformly in {@code [from, to]}; {@code from} when the range is empty. */
  long dayBetween(long from, long to) {
    return to <= from ? from : from + random.nextLong(to - from + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /**
   * A date that has already happened by the run date, or null (the step has not happened yet). In a
   * full case it is clamped to the run date instead, so every element stays present.
   */
  String past(long day) {
    if (day <= runDay) {
      return date(day);
    }
    return full ? date(runDay) : null;
  }

  static String date(long epochDay) {
    return DateTexts.of(epochDay);
  }

  /** {@code YYYY-MM-DDTHH:MM:SS}, the extract's zone-less timestamp. */
  static String dateTime(long epochDay, int secondOfDay) {
    StringBuilder text = new StringBuilder(19).append(date(epochDay)).append('T');
    twoDigits(text, secondOfDay / 3600).append(':');
    twoDigits(text, secondOfDay / 60 % 60).append(':');
    return twoDigits(text, secondOfDay % 60).toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** An amount as OCA writes it: {@code 5000.00} with cents, or {@code 11214} for whole dollars. */
  static String amount(long cents, boolean wholeDollars) {
    if (wholeDollars) {
      return Long.toString(cents / 100);
    }
    long rest = cents % 100;
    return (cents / 100) + (rest < 10 ? ".0" : ".") + rest;
  }
}
