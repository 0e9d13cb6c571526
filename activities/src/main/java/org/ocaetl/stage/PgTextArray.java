package org.ocaetl.stage;

import java.util.List;

/**
 * The PostgreSQL {@code text[]} input literal of a converted array (docs/processing-rules.md#rule-11;
 * swapping brackets breaks elements with commas or quotes), built once in Java so staging stores one VARCHAR instead of a DuckDB LIST and the export
 * copies it as is: every element double-quoted with {@code \} and {@code "} backslash-escaped, a
 * NULL element as unquoted {@code NULL}; an empty or NULL array is NULL, never {@code {}}. The CSV
 * writer then quotes the whole literal as one field.
 */
final class PgTextArray {
  private PgTextArray() {}

  /** The literal, or null for a null or empty list. */
  static String literal(List<String> elements) {
    if (elements == null || elements.isEmpty()) {
      return null;
    }
    int capacity = 2;
    for (String element : elements) {
      capacity += element == null ? 5 : element.length() + 3;
    }
    StringBuilder out = new StringBuilder(capacity).append('{');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String element = elements.get(i);
      if (element == null) {
        out.append("NULL");
      } else {
        quoted(element, out);
      }
    }
    return out.append('}').toString();
  }

  private static void quoted(String element, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }
}
