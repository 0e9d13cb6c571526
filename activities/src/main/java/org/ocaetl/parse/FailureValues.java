package org.ocaetl.parse;

/**
 * Makes an offending value safe to put into a failure report, logs and workflow history: address
 * values are redacted (street addresses must never leave the database, docs/processing-rules.md#rule-8, #rule-15) and long
 * values are cut.
 */
public final class FailureValues {
  public static final String REDACTED = "<redacted address value>";
  public static final int MAX_LENGTH = 200;

  private FailureValues() {}

  /** The value to report for {@code value} found at element path {@code element}. */
  public static String reportable(String element, String value) {
    if (value == null) {
      return null;
    }
    if (isAddressElement(element)) {
      return REDACTED;
    }
    if (value.length() <= MAX_LENGTH) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
    return value.substring(0, end) + "… (" + value.length() + " characters)";
  }

  /** Anything under a PropertyAddress (Street1, Street2, City, State, PostalCode) or a warrant's property. */
  static boolean isAddressElement(String element) {
    return element.contains("PropertyAddress") || element.contains("PropertyOnWarrant");
  }
}
