package org.ocaetl.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A SQL statement group kept as a classpath resource under {@code sql/}, for PostgreSQL and DuckDB
 * alike. Statements that apply to several tables are templates with {@code {{name}}} placeholders
 * that only accept typed text: validated identifiers (or comma-separated lists of them), keyword
 * constants, validated literals ({@link SqlLiteral}) and other resources; values are never
 * spliced, always bound. Full-line {@code --} comments are dropped when the resource is read, so a
 * placeholder named in a comment is not filled and a multi-line value never lands in a comment.
 *
 * <pre>{@code
 * String sql = SqlResource.of("sql/promote/delete_case_rows.sql")
 *     .with("table", SqlIdentifier.of("oca_causes"))
 *     .render();
 * }</pre>
 */
public final class SqlResource {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  /** A statement ends with a semicolon at the end of a line. */
  private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(?:\\r?\\n|$)");
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

  /** Fills {@code {{placeholder}}} with a literal SQL cannot bind (a path, a size). */
  public SqlResource with(String placeholder, SqlLiteral literal) {
    values.put(placeholder, literal.sql());
    return this;
  }

  /** Fills {@code {{placeholder}}} with a comma-separated list of quoted identifiers. */
  public SqlResource with(String placeholder, List<SqlIdentifier> identifiers) {
    return withList(placeholder, identifiers.stream().map(SqlIdentifier::quoted).toList());
  }

  /**
   * Fills {@code {{placeholder}}} with another rendered resource (e.g. a query that is both
   * wrapped in a COPY and handed to a function): still only resource text and identifiers.
   */
  public SqlResource with(String placeholder, SqlResource fragment) {
    values.put(placeholder, fragment.render());
    return this;
  }

  /** Fills {@code {{placeholder}}} with a comma-separated list of rendered resources. */
  public SqlResource withAll(String placeholder, List<SqlResource> fragments) {
    return withList(placeholder, fragments.stream().map(SqlResource::render).toList());
  }

  private SqlResource withList(String placeholder, List<String> sql) {
    if (sql.isEmpty()) {
      throw new IllegalArgumentException("Empty list for {{" + placeholder + "}} in " + path);
    }
    values.put(placeholder, String.join(", ", sql));
    return this;
  }

  /** The one statement of the resource, without its semicolon. */
  public String statement() {
    List<String> statements = statements();
    if (statements.size() != 1) {
      throw new IllegalStateException(path + " must hold exactly one statement");
    }
    return statements.get(0);
  }

  /** The statements of the resource, without their semicolons (for drivers that run one at a time). */
  public List<String> statements() {
    List<String> statements = new ArrayList<>();
    for (String chunk : STATEMENT_END.split(render())) {
      if (!chunk.isBlank()) {
        statements.add(chunk.strip());
      }
    }
    return statements;
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
      return withoutCommentLines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SQL resource " + path, e);
    }
  }

  private static String withoutCommentLines(String script) {
    return script.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
  }
}
