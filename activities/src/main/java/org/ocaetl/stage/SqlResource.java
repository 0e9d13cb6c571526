package org.ocaetl.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staging SQL kept in {@code sql/stage/*.sql}. Templates use {@code {{name}}} placeholders for
 * what SQL cannot bind (identifiers, select lists built from the catalog, a COPY target path);
 * identifiers are validated and paths quoted here, and values are always bound parameters.
 */
final class SqlResource {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  /** A statement ends with a semicolon at the end of a line. */
  private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(?:\\r?\\n|$)");

  private SqlResource() {}

  /** The text of {@code sql/stage/<name>}. */
  static String load(String name) {
    String path = "sql/stage/" + name;
    try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one statement of {@code sql/stage/<name>}, without its semicolon. */
  static String statement(String name) {
    return single(name, load(name));
  }

  /**
   * The one statement of the template {@code sql/stage/<name>} with its placeholders filled. Comment
   * lines are dropped first, so a multi-line value can never end up half inside a comment.
   */
  static String statement(String name, Map<String, String> values) {
    return single(name, template(name, values));
  }

  /** The template {@code sql/stage/<name>} without comment lines, placeholders filled. */
  static String template(String name, Map<String, String> values) {
    return render(withoutCommentLines(load(name)), values);
  }

  /** The script without its full-line {@code --} comments (templates nested into other SQL). */
  static String withoutCommentLines(String script) {
    return script
        .lines()
        .filter(l -> !l.strip().startsWith("--"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static String single(String name, String script) {
    List<String> statements = statements(script);
    if (statements.size() != 1) {
      throw new IllegalStateException(name + " must hold exactly one statement");
    }
    return statements.get(0);
  }

  /** The statements of a script, without comment-only chunks and without their semicolons. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    for (String chunk : STATEMENT_END.split(script)) {
      if (!isCommentOnly(chunk)) {
        statements.add(chunk.strip());
      }
    }
    return statements;
  }

  /** Fills every placeholder; a missing value is a programming error. */
  static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A table or column name, checked so it can be spliced into SQL. */
  static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + name);
    }
    return name;
  }

  /** A SQL string literal (for COPY's target path, which cannot be a parameter). */
  static String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static boolean isCommentOnly(String chunk) {
    return chunk.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
  }
}
