package org.ocaetl.parse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a raw extract file and the single order in which files are applied (docs/processing-rules.md#rule-1): run
 * date in the name, then Initial before Incr, then filed year.
 *
 * @param name the base name, e.g. {@code LandlordTenant.Initial.FiledIn2016.2024-03-01.zip}
 * @param initial whether it is an Initial (historical) file
 * @param filedYear the filed year of an Initial file, 0 for an Incr
 * @param runDate the extract run date in the name
 */
public record ExtractFileName(String name, boolean initial, int filedYear, LocalDate runDate)
    implements Comparable<ExtractFileName> {

  /** Anchored on the base name so that e.g. {@code x.LandlordTenant.Incr.2025-07-06.zip.bak} is ignored. */
  private static final Pattern PATTERN =
      Pattern.compile(
          "^LandlordTenant\\.(?:Initial\\.FiledIn(?<year>\\d{4})|Incr)\\.(?<date>\\d{4}-\\d{2}-\\d{2})\\.zip$");

  public static final Comparator<ExtractFileName> ORDER =
      Comparator.comparing(ExtractFileName::runDate)
          .thenComparing(f -> f.initial() ? 0 : 1)
          .thenComparingInt(ExtractFileName::filedYear)
          .thenComparing(ExtractFileName::name);

  /** Parses a base name; empty when it is not an extract file name. */
  public static Optional<ExtractFileName> parse(String name) {
    Matcher m = PATTERN.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(m.group("date"));
      String year = m.group("year");
      return Optional.of(
          new ExtractFileName(name, year != null, year == null ? 0 : Integer.parseInt(year), date));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // e.g. 2025-13-40 matches the digits but is no date
    }
  }

  @Override
  public int compareTo(ExtractFileName other) {
    return ORDER.compare(this, other);
  }
}
