package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrictValuesTest {
  @Test
  void datesAreStrictRealCalendarDates() throws Exception {
    assertEquals(LocalDate.of(2025, 7, 6), StrictValues.date("2025-07-06"));
    assertEquals(LocalDate.of(2024, 2, 29), StrictValues.date("2024-02-29"));
    assertEquals(LocalDate.of(1, 1, 1), StrictValues.date("0001-01-01"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01", "2025-7-06",
        " 2025-07-06", "2025-07-06 ", "2025/07/06", "20250706", "2025-07-06T00:00:00", "２０２５-07-06",
        "abcd-ef-gh"
      })
  void rejectsWhatIsNotAStrictDate(String text) {
    assertThrows(InvalidValueException.class, () -> StrictValues.date(text));
  }

  @Test
  void timestampsHaveSecondsAndNoZone() throws Exception {
    assertEquals(LocalDateTime.of(2025, 6, 2, 9, 30), StrictValues.timestamp("2025-06-02T09:30:00"));
    assertEquals(
        LocalDateTime.of(2024, 12, 31, 23, 59, 59), StrictValues.timestamp("2024-12-31T23:59:59"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-06-02 09:30:00", "2025-06-02T24:00:00", "2025-06-02T09:60:00", "2025-06-02T09:30:60",
        "2025-06-02T09:30", "2025-06-02T09:30:00Z", "2025-06-02T09:30:00.5", "2025-02-30T09:30:00"
      })
  void rejectsWhatIsNotAStrictTimestamp(String text) {
    assertThrows(InvalidValueException.class, () -> StrictValues.timestamp(text));
  }

  @Test
  void integersFitPostgresInt() throws Exception {
    assertEquals(10, StrictValues.integer("10"));
    assertEquals(-3, StrictValues.integer("-3"));
    assertEquals(7, StrictValues.integer("007"));
    assertEquals(Integer.MAX_VALUE, StrictValues.integer("2147483647"));
    assertEquals(Integer.MIN_VALUE, StrictValues.integer("-2147483648"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2147483648", "-2147483649", "99999999999999999999", "1.0", "1e3", " 5", "5 ", "+",
          "-", "A", "0x10", "١"})
  void rejectsWhatIsNotAnInt(String text) {
    assertThrows(InvalidValueException.class, () -> StrictValues.integer(text));
  }

  @Test
  void numericsKeepTheirExactText() throws Exception {
    for (String text : new String[] {"5000.00", "11214", "-3.5", "0.125", ".5", "5.", "+12.30"}) {
      assertEquals(text, StrictValues.numeric(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e5", "NaN", "Infinity", "1,000.00", "$5", "5 ", ".", "-", "1.2.3", "abc", "- 5"})
  void rejectsWhatIsNotAPlainDecimal(String text) {
    assertThrows(InvalidValueException.class, () -> StrictValues.numeric(text));
  }

  @Test
  void boundedCountsCharactersNotUtf16Units() throws Exception {
    String astral = "\uD835\uDD38"; // one character, two UTF-16 units
    assertEquals(astral.repeat(4), StrictValues.bounded(astral.repeat(4), 4));
    assertEquals("abcd", StrictValues.bounded("abcd", 4));
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> StrictValues.bounded(astral.repeat(5), 4));
    assertEquals("too long: 5 characters, limit 4", e.getMessage());
    assertThrows(InvalidValueException.class, () -> StrictValues.bounded("abcde", 4));
  }

  @Test
  void booleansAreExactlyTrueOrFalse() throws Exception {
    assertTrue(StrictValues.bool("true"));
    assertFalse(StrictValues.bool("false"));
    for (String text : new String[] {"TRUE", "True", "1", "yes", "t", " true"}) {
      assertThrows(InvalidValueException.class, () -> StrictValues.bool(text), text);
    }
  }
}
