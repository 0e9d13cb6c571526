package org.ocaetl.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file's extract date (rule 1): the {@code RunDate} element wins; when it disagrees with the date
 * in the file name, or is missing and the name's date is used, a warning says so. A file whose name
 * is not an extract name still parses, with its date from RunDate.
 *
 * @param date the extract date
 * @param warnings what the operator should know about how it was chosen
 */
public record ExtractDate(LocalDate date, List<String> warnings) {

  /**
   * @throws ExtractFileException when RunDate is present but not a valid date, or when there is
   *     neither a RunDate nor a date in the file name
   */
  public static ExtractDate resolve(String fileName, Optional<RunDateElement> runDate)
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
    if (nameDate.isEmpty()) {
      warnings.add("file name is not an extract file name; extract date " + date + " from RunDate");
    } else if (!nameDate.get().equals(date)) {
      warnings.add(
          "RunDate " + date + " disagrees with the file name's date " + nameDate.get() + "; using RunDate");
    }
    return new ExtractDate(date, List.copyOf(warnings));
  }

  private static String quoted(String text) {
    return "'" + FailureValues.reportable("RunDate", text) + "'";
  }
}
