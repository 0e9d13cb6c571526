package org.ocaetl.geocode.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Lenient number parsing for service responses: a value that is not a number is null, never an exception. */
public final class Numbers {
  private Numbers() {}

  /** A JSON number or numeric string as a double; null for anything else. */
  public static Double decimal(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.isTextual() ? decimal(node.textValue()) : null;
  }

  /** A decimal in text as a double; null when blank or not a finite number. */
  public static Double decimal(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.strip());
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * An identifier that services send as a string or a number (GeoSearch's BBL and BIN) as its
   * digits: {@code 1018887502}, {@code "1018887502"} and {@code 1.018887502E9} all give {@code
   * "1018887502"}; anything that is not a whole number of {@code digits} digits is null.
   */
  public static String digits(JsonNode node, int digits) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String text;
    if (node.isNumber()) {
      try {
        text = node.decimalValue().toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        return null;
      }
    } else if (node.isTextual()) {
      text = node.textValue().strip();
      if (!text.matches("\\d+")) {
        BigDecimal parsed = parsedWhole(text);
        text = parsed == null ? "" : parsed.toBigInteger().toString();
      }
    } else {
      return null;
    }
    return text.length() == digits && text.chars().allMatch(Character::isDigit) ? text : null;
  }

  private static BigDecimal parsedWhole(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.stripTrailingZeros().scale() <= 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
