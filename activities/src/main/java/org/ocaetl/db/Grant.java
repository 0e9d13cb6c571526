package org.ocaetl.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One configured grant (grants are configuration, never code: roles differ between deployments): {@code role} gets
 * {@code privilege} on every table and view of the oca schema, and USAGE on the schema. Written
 * {@code role:privilege}, e.g. {@code analyst:select}; several separated by commas.
 */
public record Grant(SqlIdentifier role, Privilege privilege) {

  /** The table privileges of PostgreSQL's GRANT. */
  public enum Privilege implements SqlKeyword {
    SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, ALL;

    @Override
    public String sql() {
      return name();
    }
  }

  /** {@code role:privilege} (privilege case-insensitive; role a lower-case identifier). */
  public static Grant parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("A grant is ROLE:PRIVILEGE (e.g. analyst:select), not " + shown(text));
    }
    Privilege privilege;
    try {
      privilege = Privilege.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown privilege in grant " + shown(text) + " (one of "
          + List.of(Privilege.values()).toString().toLowerCase(Locale.ROOT) + ")");
    }
    return new Grant(SqlIdentifier.of(parts[0].strip()), privilege);
  }

  /** Grants given as repeated options and/or comma-separated lists; blanks are ignored. */
  public static List<Grant> parseAll(List<String> texts) {
    List<Grant> grants = new ArrayList<>();
    if (texts != null) {
      for (String text : texts) {
        for (String one : text.split(",")) {
          if (!one.isBlank()) {
            grants.add(parse(one));
          }
        }
      }
    }
    return List.copyOf(grants);
  }

  @Override
  public String toString() {
    return role.name() + ":" + privilege.name().toLowerCase(Locale.ROOT);
  }

  private static String shown(String text) {
    return text == null ? "null" : "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'";
  }
}
