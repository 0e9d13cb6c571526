package org.ocaetl.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each published relation and column means, one line each, from the resource
 * {@code publish/column-descriptions.tsv}: the one place these descriptions are kept
 * (docs/tables.md points there; {@link DataPackage} states them).
 */
final class ColumnDescriptions {
  static final String RESOURCE = "publish/column-descriptions.tsv";
  private static final Map<String, String> DESCRIPTIONS = read();

  private ColumnDescriptions() {}

  /** The relation's own description. */
  static String of(PublishedRelation relation) {
    return require(relation.name(), "");
  }

  /** The description of one of the relation's columns. */
  static String of(PublishedRelation relation, String column) {
    return require(relation.name(), column);
  }

  /** Every description, keyed {@code relation} or {@code relation.column}, in file order. */
  static Map<String, String> all() {
    return DESCRIPTIONS;
  }

  private static String require(String relation, String column) {
    String key = key(relation, column);
    return Optional.ofNullable(DESCRIPTIONS.get(key))
        .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no description of " + key));
  }

  private static String key(String relation, String column) {
    return column.isEmpty() ? relation : relation + "." + column;
  }

  private static Map<String, String> read() {
    Map<String, String> descriptions = new LinkedHashMap<>();
    try (InputStream in = ColumnDescriptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 3 || fields[0].isEmpty() || fields[2].isBlank()) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": expected relation, column, description");
        }
        if (descriptions.put(key(fields[0], fields[1]), fields[2]) != null) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": a second description of "
              + key(fields[0], fields[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(descriptions);
  }
}
