package org.ocaetl.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180, as PostgreSQL's and DuckDB's COPY write them):
 * quoted fields may hold commas, doubled quotes and line breaks. An unquoted empty field is
 * {@code null} (SQL NULL), a quoted empty field {@code ""} the empty string. Only one record is
 * held in memory at a time.
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private long record;
  private long lines = 1;
  private long recordLine;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end of the input. */
  public String[] next() throws IOException {
    recordLine = lines;
    int c = read();
    if (c < 0) {
      return null;
    }
    record++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      boolean quoted = false;
      field.setLength(0);
      if (c == '"') {
        quoted = true;
        while (true) {
          c = read();
          if (c < 0) {
            throw new IOException("CSV record " + record + ": unterminated quoted field");
          }
          if (c == '"') {
            c = read();
            if (c != '"') {
              break;
            }
          }
          field.append((char) c);
        }
      } else {
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          field.append((char) c);
          c = read();
        }
      }
      fields.add(!quoted && field.isEmpty() ? null : field.toString());
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        c = read();
        if (c != '\n' && c >= 0) {
          unread();
        }
      } else if (c >= 0 && c != '\n') {
        throw new IOException("CSV record " + record + ": unexpected character after a quoted field");
      }
      return fields.toArray(String[]::new);
    }
  }

  /** The line (1-based) on which the record last returned by {@link #next()} starts. */
  public long line() {
    return recordLine;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    char c = buffer[position++];
    if (c == '\n') {
      lines++;
    }
    return c;
  }

  private void unread() {
    position--;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
