package org.ocaetl.model;

/**
 * One column of a target table, in table order.
 *
 * @param maxLength the longest value accepted from the XML, in characters (Unicode code points,
 *     like PostgreSQL's {@code char_length}); for {@code text[]} the limit of each element; {@link
 *     #FIXED_FORMAT} for dates, timestamps, integers and booleans, whose parsers bound them. A
 *     longer value fails its case alone (docs/processing-rules.md#rule-8). The limits and their reasons are in
 *     docs/column-limits.md.
 */
public record Column(String name, ColumnType type, int maxLength) {
  /** No length limit of its own: the value's format bounds it. */
  public static final int FIXED_FORMAT = 0;

  /**
   * {@code indexnumberid} (docs/processing-rules.md#rule-8). At 4 bytes a character at most, an id stays far below the
   * 2704-byte b-tree entry limit of the primary keys and indexes it is part of.
   */
  public static final int ID_LENGTH = 256;

  /** Property address parts, redacted in reports; real ones are under 100 characters. */
  public static final int ADDRESS_LENGTH = 1024;

  /** Codes, names and short descriptions: every text column without a limit of its own. */
  public static final int TEXT_LENGTH = 4096;

  /** Decision highlights, free text; the generator's edge cases hold about 1 Mi characters. */
  public static final int FREE_TEXT_LENGTH = 2 * 1024 * 1024;

  /** Numeric text: PostgreSQL's numeric allows far more, real amounts far less. */
  public static final int NUMERIC_LENGTH = 1000;

  /** A column with the default limit of its type. */
  public Column(String name, ColumnType type) {
    this(name, type, defaultMaxLength(type));
  }

  private static int defaultMaxLength(ColumnType type) {
    return switch (type) {
      case TEXT, TEXT_ARRAY -> TEXT_LENGTH;
      case NUMERIC -> NUMERIC_LENGTH;
      case DATE, TIMESTAMP, INT, BIGINT, BOOLEAN, REAL -> FIXED_FORMAT;
    };
  }
}
