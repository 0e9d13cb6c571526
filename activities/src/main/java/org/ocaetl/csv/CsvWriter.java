package org.ocaetl.csv;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records that PostgreSQL's {@code COPY … (FORMAT csv)} reads back exactly: null as an
 * empty unquoted field, the empty string as {@code ""}, fields with a comma, quote or line break
 * quoted with doubled quotes; records end with {@code \n}.
 */
public final class CsvWriter implements AutoCloseable {
  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  public void write(String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      String field = fields[i];
      if (field == null) {
        continue;
      }
      if (field.isEmpty() || needsQuotes(field)) {
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(field);
      }
    }
    out.write('\n');
  }

  private static boolean needsQuotes(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    // COPY reads a line holding only \. as the end of the data.
    return field.equals("\\.");
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
