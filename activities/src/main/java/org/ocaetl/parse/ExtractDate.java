package org.ocaetl.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file's extract date (docs/processing-rules.md#rule-1): the {@code RunDate} element wins; when it disagrees with the date
 * in the file name, or is missing and the name's date is used, a warning says so. A file whose name
 * is not an extract name still parses, with its date from RunDate. An implausible RunDate refuses
 * the whole file: every case carries the extract date into {@code updatedate}, and one far-future
 * date would freeze those cases against every real update (docs/processing-rules.md#rule-5).
 *
 * @param date the extract date
 * @param warnings what the operator should know about how it was chosen
 */
public record ExtractDate(LocalDate date, List<String> warnings) {

  /**
   * The production clock of the processing day: New York's, the court's own calendar, so the day
   * does not depend on the worker's time zone.
   */
  public static final Clock PROCESSING_CLOCK = Clock.system(ZoneId.of("America/New_York"));

  /** A RunDate further than this from the name's date is implausible. */
  static final int MAX_DAYS_FROM_NAME = 31;

  /** A RunDate later than this many days after the processing day is implausible. */
  static final int MAX_DAYS_AFTER_PROCESSING = 1;

  /**
   * @param processingDay the day the file is processed, from the parsing activity's clock
   * @throws ExtractFileException when RunDate is present but not a valid date or implausible (more
   *     than {@value #MAX_DAYS_FROM_NAME} days from the name's date, or later than the day after
   *     {@code processingDay}), or when there is neither a RunDate nor a date in the file name
   */
  public static ExtractDate resolve(
      String fileName, Optional<RunDateElement> runDate, LocalDate processingDay)
      throws ExtractFileException {
    Optional<LocalDate> nameDate = ExtractFileName.parse(fileName).map(ExtractFileName::runDate);
    List<String> warnings = new ArrayList<>();
    String text = runDate.map(RunDateElement::text).orElse(null);
    if (text == null) {
      if (nameDate.isEmpty()) {
        throw new ExtractFileException(
            fileName, -1, -1, "no RunDate element and no extract date in the file name", null);
      }
      warnings.add("RunDate element missing or empty; using the file name's date " + nameDate.get());
      return new ExtractDate(nameDate.get(), List.copyOf(warnings));
    }
    RunDateElement element = runDate.get();
    LocalDate date;
    try {
      date = StrictValues.date(text);
    } catch (InvalidValueException e) {
      throw new ExtractFileException(
          fileName,
          element.line(),
          element.column(),
          "RunDate " + quoted(text) + " is invalid: " + e.getMessage(),
          e);
    }
    String implausible = implausibility(date, nameDate, processingDay);
    if (implausible != null) {
      throw new ExtractFileException(
          fileName,
          element.line(),
          element.column(),
          "RunDate " + date + " is implausible: " + implausible + " (rule 1)",
          null);
    }
    if (nameDate.isEmpty()) {
      warnings.add("file name is not an extract file name; extract date " + date + " from RunDate");
    } else if (!nameDate.get().equals(date)) {
      warnings.add(
          "RunDate " + date + " disagrees with the file name's date " + nameDate.get() + "; using RunDate");
    }
    return new ExtractDate(date, List.copyOf(warnings));
  }

  /** Why {@code date} cannot be the file's extract date, or null when it is plausible. */
  private static String implausibility(
      LocalDate date, Optional<LocalDate> nameDate, LocalDate processingDay) {
    if (nameDate.isPresent()
        && Math.abs(ChronoUnit.DAYS.between(nameDate.get(), date)) > MAX_DAYS_FROM_NAME) {
      return "more than " + MAX_DAYS_FROM_NAME + " days from the file name's date " + nameDate.get();
    }
    if (date.isAfter(processingDay.plusDays(MAX_DAYS_AFTER_PROCESSING))) {
      return "later than the day after the processing day " + processingDay;
    }
    return null;
  }

  private static String quoted(String text) {
    return "'" + FailureValues.reportable("RunDate", text) + "'";
  }
}
