package org.ocaetl.reference;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ocaetl.csv.CsvReader;

/**
 * A reference CSV read once, record by record (never the whole file in memory), with its SHA-256
 * computed over the same bytes. Columns are found by header name, case-insensitively, so a release
 * that adds or reorders columns still loads. Every error names the file, the line and the value.
 */
final class ReferenceCsv implements AutoCloseable {
  private static final int SHOWN_VALUE = 60;

  private final String fileName;
  private final MessageDigest digest;
  private final CsvReader reader;
  private final Map<String, Integer> header = new LinkedHashMap<>();
  private String[] record;

  private ReferenceCsv(Path file) throws IOException {
    this.fileName = file.getFileName().toString();
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    this.reader =
        new CsvReader(new InputStreamReader(
            new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest),
            StandardCharsets.UTF_8));
  }

  /** Opens {@code file} and reads its header row. */
  static ReferenceCsv open(Path file) throws IOException {
    ReferenceCsv csv = new ReferenceCsv(file);
    try {
      String[] names = csv.reader.next();
      if (names == null) {
        throw csv.error("is empty (no header row)");
      }
      for (int i = 0; i < names.length; i++) {
        String name = names[i] == null ? "" : names[i].strip().toLowerCase(Locale.ROOT);
        if (i == 0) {
          name = name.replace("\uFEFF", ""); // a byte order mark some exporters write
        }
        csv.header.putIfAbsent(name, i);
      }
      return csv;
    } catch (IOException | RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  String fileName() {
    return fileName;
  }

  /** The position of the first of {@code names} the header has; fails naming them all. */
  int column(String... names) throws BadReferenceFileException {
    int found = optionalColumn(names);
    if (found < 0) {
      throw new BadReferenceFileException(
          fileName + ": the header has no column " + String.join(" or ", names) + " (columns: " + header.keySet() + ")");
    }
    return found;
  }

  /** The position of the first of {@code names} the header has, or -1. */
  int optionalColumn(String... names) {
    for (String name : names) {
      Integer i = header.get(name);
      if (i != null) {
        return i;
      }
    }
    return -1;
  }

  /** Advances to the next record; false at the end of the file. */
  boolean next() throws IOException {
    try {
      record = reader.next();
    } catch (IOException e) {
      throw new BadReferenceFileException(fileName + " line " + (reader.line()) + ": " + e.getMessage());
    }
    return record != null;
  }

  /** The current record's value at {@code column} (null when empty or missing; -1 means absent). */
  String value(int column) {
    if (column < 0 || column >= record.length) {
      return null;
    }
    String v = record[column];
    return v == null || v.isBlank() ? null : v.strip();
  }

  long line() {
    return reader.line();
  }

  /** An error about the current line, showing (a shortened) {@code value}. */
  BadReferenceFileException badValue(String column, String value, String expected) {
    String shown = value.length() > SHOWN_VALUE ? value.substring(0, SHOWN_VALUE) + "..." : value;
    return new BadReferenceFileException(
        fileName + " line " + line() + ": column " + column + " value '" + shown + "' is not " + expected);
  }

  private BadReferenceFileException error(String what) {
    return new BadReferenceFileException(fileName + " " + what);
  }

  /** Lower-case hex SHA-256 of the bytes read so far (the whole file once {@link #next()} was false). */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
