package org.ocaetl.db;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A literal that SQL cannot take as a bound parameter (COPY's target path, the value of a SET), as
 * a quoted SQL string. Only the two kinds below exist, each validated, so a literal never carries
 * arbitrary text into a statement.
 */
public final class SqlLiteral {
  /** A size as DuckDB takes it for its limits, e.g. {@code 512MB} or {@code 1GiB}. */
  public static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)", Pattern.CASE_INSENSITIVE);

  private final String sql;

  private SqlLiteral(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("A SQL literal cannot hold a NUL character");
    }
    this.sql = "'" + value.replace("'", "''") + "'";
  }

  /** A file's absolute path (COPY ... TO). */
  public static SqlLiteral path(Path path) {
    return new SqlLiteral(path.toAbsolutePath().toString());
  }

  /** A validated identifier as a string (e.g. a column name in DuckDB's {@code read_csv(columns = ...)}). */
  public static SqlLiteral name(SqlIdentifier identifier) {
    return new SqlLiteral(identifier.name());
  }

  /** A size matching {@link #SIZE}. */
  public static SqlLiteral size(String size) {
    if (!SIZE.matcher(size).matches()) {
      throw new IllegalArgumentException("Not a size such as 512MB or 1GiB: " + size);
    }
    return new SqlLiteral(size);
  }

  /** The literal as SQL text, single-quoted. */
  public String sql() {
    return sql;
  }
}
