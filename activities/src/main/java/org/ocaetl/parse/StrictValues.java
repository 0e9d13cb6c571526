package org.ocaetl.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Strict conversion of XML text to the column types of docs/processing-rules.md#rule-8. Anything PostgreSQL would read
 * differently, or only after guessing (spaces, other date layouts, exponents, {@code yes}/{@code 1}),
 * is rejected here so a bad value fails its case instead of the load.
 */
final class StrictValues {
  private StrictValues() {}

  /**
   * {@code text} when it has at most {@code maxLength} characters (code points; a string's UTF-16
   * length is never smaller, so they are only counted past it): a column's documented limit
   * (org.ocaetl.model.Column), so that no accepted value can overflow an index or the CSV path.
   */
  static String bounded(String text, int maxLength) throws InvalidValueException {
    if (text.length() > maxLength) {
      int characters = text.codePointCount(0, text.length());
      if (characters > maxLength) {
        throw new InvalidValueException(
            "too long: " + characters + " characters, limit " + maxLength);
      }
    }
    return text;
  }

  /** {@code YYYY-MM-DD}, a real calendar date from year 0001 (PostgreSQL has no year 0). */
  static LocalDate date(String text) throws InvalidValueException {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new InvalidValueException("not a date YYYY-MM-DD");
    }
    return calendarDate(text, "not a date YYYY-MM-DD");
  }

  /** {@code YYYY-MM-DDTHH:MM:SS} without zone or fraction. */
  static LocalDateTime timestamp(String text) throws InvalidValueException {
    String expected = "not a timestamp YYYY-MM-DDTHH:MM:SS";
    if (text.length() != 19
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      throw new InvalidValueException(expected);
    }
    LocalDate date = calendarDate(text, expected);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (hour < 0 || minute < 0 || second < 0) {
      throw new InvalidValueException(expected);
    }
    try {
      return date.atTime(hour, minute, second);
    } catch (DateTimeException e) {
      throw new InvalidValueException("not a real time of day");
    }
  }

  /** Optional minus sign and ASCII digits, within the range of PostgreSQL's int. */
  static int integer(String text) throws InvalidValueException {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start || !allDigits(text, start, text.length())) {
      throw new InvalidValueException("not an integer");
    }
    if (text.length() - start > 18) {
      throw new InvalidValueException("integer out of range");
    }
    long value = Long.parseLong(text);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new InvalidValueException("integer out of range");
    }
    return (int) value;
  }

  /**
   * A plain decimal ({@code 5000.00}, {@code 11214}, {@code -3.5}, {@code .5}); no exponent, NaN or
   * Infinity. Returns the text unchanged so no digit is lost or added (docs/processing-rules.md#rule-10). Its length is the
   * column's to bound ({@link #bounded}).
   */
  static String numeric(String text) throws InvalidValueException {
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    int dot = text.indexOf('.', start);
    int end = text.length();
    boolean integerPartOk = dot < 0 ? allDigits(text, start, end) && end > start : allDigits(text, start, dot);
    boolean fractionOk = dot < 0 || allDigits(text, dot + 1, end);
    boolean someDigit = dot < 0 ? end > start : dot > start || end > dot + 1;
    if (!integerPartOk || !fractionOk || !someDigit) {
      throw new InvalidValueException("not a decimal number");
    }
    return text;
  }

  /** Exactly {@code true} or {@code false}. */
  static boolean bool(String text) throws InvalidValueException {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidValueException("not a boolean (true/false)");
    };
  }

  private static LocalDate calendarDate(String text, String expected) throws InvalidValueException {
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      throw new InvalidValueException(expected);
    }
    if (year == 0) {
      throw new InvalidValueException("year 0000 does not exist");
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new InvalidValueException("not a real calendar date");
    }
  }

  /** The ASCII digits in [from, to) as a number, or -1 when any is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
