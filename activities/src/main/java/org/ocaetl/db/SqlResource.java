package org.ocaetl.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL statement group kept as a classpath resource under {@code sql/}. Statements that apply to
 * several tables are templates with {@code {{name}}} placeholders that only accept validated
 * identifiers (or comma-separated lists of them); values are never spliced, always bound.
 *
 * <pre>{@code
 * String sql = SqlResource.of("sql/promote/delete_case_rows.sql")
 *     .with("table", SqlIdentifier.of("oca_causes"))
 *     .render();
 * }</pre>
 */
public final class SqlResource {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private final String path;
  private final String template;
  private final Map<String, String> values = new LinkedHashMap<>();

  private SqlResource(String path, String template) {
    this.path = path;
    this.template = template;
  }

  public static SqlResource of(String path) {
    return new SqlResource(path, CACHE.computeIfAbsent(path, SqlResource::read));
  }

  /** Fills {@code {{placeholder}}} with one quoted identifier. */
  public SqlResource with(String placeholder, SqlIdentifier identifier) {
    values.put(placeholder, identifier.quoted());
    return this;
  }

  /** Fills {@code {{placeholder}}} with a keyword constant (never configuration text). */
  public SqlResource with(String placeholder, SqlKeyword keyword) {
    values.put(placeholder, keyword.sql());
    return this;
  }

  /** Fills {@code {{placeholder}}} with a comma-separated list of quoted identifiers. */
  public SqlResource with(String placeholder, List<SqlIdentifier> identifiers) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("Empty identifier list for {{" + placeholder + "}} in " + path);
    }
    values.put(placeholder, String.join(", ", identifiers.stream().map(SqlIdentifier::quoted).toList()));
    return this;
  }

  /**
   * Fills {@code {{placeholder}}} with another rendered resource (e.g. a query that is both
   * wrapped in a COPY and handed to a function): still only resource text and identifiers.
   */
  public SqlResource with(String placeholder, SqlResource fragment) {
    values.put(placeholder, fragment.render());
    return this;
  }

  /** The SQL text; fails if a placeholder was left unfilled or a value was never used. */
  public String render() {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    Set<String> used = new HashSet<>();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("Placeholder {{" + m.group(1) + "}} not filled in " + path);
      }
      used.add(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (!used.containsAll(values.keySet())) {
      throw new IllegalStateException("Unused placeholder values " + values.keySet() + " for " + path);
    }
    return out.toString();
  }

  private static String read(String path) {
    try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No SQL resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SQL resource " + path, e);
    }
  }
}
