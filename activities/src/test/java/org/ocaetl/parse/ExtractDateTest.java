package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docs/processing-rules.md#rule-1: which date a file carries, and when its RunDate is too implausible to apply. */
class ExtractDateTest {
  static final String NAME = "LandlordTenant.Incr.2024-03-08.zip";
  static final LocalDate NAME_DATE = LocalDate.of(2024, 3, 8);
  /** Long after the file's dates, so only the distance to the name's date matters. */
  static final LocalDate LATER = LocalDate.of(2026, 12, 2);

  @Test
  void aRunDateAgreeingWithTheNameIsTheDateWithoutWarning() throws Exception {
    assertEquals(new ExtractDate(NAME_DATE, List.of()), resolve(NAME, "2024-03-08", LATER));
  }

  @Test
  void aRunDate31DaysFromTheNameIsAppliedWithAWarning() throws Exception {
    assertEquals(
        new ExtractDate(
            LocalDate.of(2024, 4, 8),
            List.of("RunDate 2024-04-08 disagrees with the file name's date 2024-03-08; using RunDate")),
        resolve(NAME, "2024-04-08", LATER));
    assertEquals(LocalDate.of(2024, 2, 6), resolve(NAME, "2024-02-06", LATER).date());
  }

  @Test
  void aRunDate32DaysFromTheNameRefusesTheFileNamingBothDates() {
    assertRefused(
        NAME, "2024-04-09", LATER,
        NAME + ": line 3, column 5: RunDate 2024-04-09 is implausible: more than 31 days from the"
            + " file name's date 2024-03-08 (rule 1)");
    assertRefused(
        NAME, "2024-02-05", LATER,
        NAME + ": line 3, column 5: RunDate 2024-02-05 is implausible: more than 31 days from the"
            + " file name's date 2024-03-08 (rule 1)");
  }

  @Test
  void aFarFutureRunDateRefusesTheFile() {
    assertRefused(
        NAME, "9999-12-31", LATER,
        NAME + ": line 3, column 5: RunDate 9999-12-31 is implausible: more than 31 days from the"
            + " file name's date 2024-03-08 (rule 1)");
  }

  @Test
  void aRunDateUpToTheDayAfterProcessingIsAccepted() throws Exception {
    assertEquals(LocalDate.of(2024, 3, 10), resolve(NAME, "2024-03-10", LocalDate.of(2024, 3, 9)).date());
  }

  @Test
  void aRunDateLaterThanTheDayAfterProcessingRefusesTheFileNamingBothDates() {
    assertRefused(
        NAME, "2024-03-11", LocalDate.of(2024, 3, 9),
        NAME + ": line 3, column 5: RunDate 2024-03-11 is implausible: later than the day after the"
            + " processing day 2024-03-09 (rule 1)");
  }

  @Test
  void aFileWithAnotherNameIsStillHeldToTheProcessingDay() {
    assertRefused(
        "sample.zip", "2024-03-11", LocalDate.of(2024, 3, 9),
        "sample.zip: line 3, column 5: RunDate 2024-03-11 is implausible: later than the day after"
            + " the processing day 2024-03-09 (rule 1)");
  }

  @Test
  void aMissingRunDateUsesTheNameWithAWarning() throws Exception {
    assertEquals(
        new ExtractDate(
            NAME_DATE, List.of("RunDate element missing or empty; using the file name's date 2024-03-08")),
        ExtractDate.resolve(NAME, Optional.empty(), LATER));
  }

  private static ExtractDate resolve(String fileName, String runDate, LocalDate processingDay)
      throws ExtractFileException {
    return ExtractDate.resolve(fileName, Optional.of(new RunDateElement(runDate, 3, 5)), processingDay);
  }

  private static void assertRefused(String fileName, String runDate, LocalDate processingDay, String message) {
    ExtractFileException e =
        assertThrows(ExtractFileException.class, () -> resolve(fileName, runDate, processingDay));
    assertEquals(message, e.getMessage());
    assertEquals(3, e.line());
    assertEquals(5, e.column());
  }
}
