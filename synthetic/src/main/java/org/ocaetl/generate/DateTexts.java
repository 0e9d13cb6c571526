package org.ocaetl.generate;

import java.time.LocalDate;

/**
 * {@code YYYY-MM-DD} texts of days, formatted once: a case has dozens of dates and formatting them
 * was a tenth of the generation time. Days outside the cached range are formatted each time.
 */
final class DateTexts {
  private static final long FIRST = LocalDate.of(1970, 1, 1).toEpochDay();
  private static final long LAST = LocalDate.of(2099, 12, 31).toEpochDay();

  /**
   * Filled lazily; a race only formats a day twice (Strings are immutable and safely published).
   */
  private static final String[] CACHE = new String[(int) (LAST - FIRST + 1)];

  private DateTexts() {}

  static String of(long epochDay) {
    if (epochDay < FIRST || epochDay > LAST) {
      return LocalDate.ofEpochDay(epochDay).toString();
    }
    int slot = (int) (epochDay - FIRST);
    String text = CACHE[slot];
    if (text == null) {
      text = LocalDate.ofEpochDay(epochDay).toString();
      CACHE[slot] = text;
    }
    return text;
  }
}
