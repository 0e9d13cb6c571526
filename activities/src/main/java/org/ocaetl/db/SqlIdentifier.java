package org.ocaetl.db;

import java.util.regex.Pattern;

/**
 * A PostgreSQL identifier (schema, table or column name) that is safe to splice into SQL text.
 * Values are always bound; identifiers cannot be, so every identifier that reaches SQL text goes
 * through this class: lower-case letters, digits and underscores, not starting with a digit, at
 * most 63 characters (PostgreSQL's limit). It is spliced double-quoted so that a valid name that
 * happens to be a keyword (e.g. {@code user}) still works.
 */
public record SqlIdentifier(String name) {
  private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public SqlIdentifier {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Not a valid SQL identifier (expected [a-z_][a-z0-9_]{0,62}): " + shown(name));
    }
  }

  public static SqlIdentifier of(String name) {
    return new SqlIdentifier(name);
  }

  /** Validates a name and returns it unchanged (for APIs that take the plain name, e.g. Flyway). */
  public static String require(String name) {
    return of(name).name();
  }

  /** The identifier as SQL text, double-quoted. */
  public String quoted() {
    return '"' + name + '"';
  }

  @Override
  public String toString() {
    return name;
  }

  private static String shown(String name) {
    if (name == null) {
      return "null";
    }
    // Configuration, not a secret; shortened so a pasted blob cannot flood a log line.
    return '\'' + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + '\'';
  }
}
