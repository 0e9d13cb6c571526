package org.ocaetl.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The word lists of the generator, read once from {@code /generate/vocabulary.txt}: sections of
 * weighted lines ({@code weight|field|field…}). Keeping them in a data file keeps the generator
 * free of value-choosing branches.
 */
final class Vocabulary {
  private static final String RESOURCE = "/generate/vocabulary.txt";
  private static final Pattern BAR = Pattern.compile("\\|");

  /** One line of a section: its fields after the weight. */
  record Line(List<String> fields) {
    String field(int index) {
      return fields.get(index);
    }
  }

  private final Map<String, WeightedList<Line>> sections;

  private Vocabulary(Map<String, WeightedList<Line>> sections) {
    this.sections = sections;
  }

  /** The vocabulary bundled with the generator. */
  static Vocabulary bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final Vocabulary BUNDLED = load();
  }

  private static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Vocabulary parse(BufferedReader reader) throws IOException {
    Map<String, List<Line>> lines = new HashMap<>();
    Map<String, List<Integer>> weights = new HashMap<>();
    String section = null;
    String raw;
    int number = 0;
    while ((raw = reader.readLine()) != null) {
      number++;
      String text = raw.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (text.startsWith("[") && text.endsWith("]")) {
        section = text.substring(1, text.length() - 1);
        lines.put(section, new ArrayList<>());
        weights.put(section, new ArrayList<>());
        continue;
      }
      if (section == null) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": value outside a section");
      }
      List<String> fields = List.of(BAR.split(text, -1));
      if (fields.size() == 1) {
        weights.get(section).add(1);
        lines.get(section).add(new Line(fields));
      } else {
        weights.get(section).add(Integer.parseInt(fields.getFirst()));
        lines.get(section).add(new Line(fields.subList(1, fields.size())));
      }
    }
    Map<String, WeightedList<Line>> sections = new HashMap<>();
    lines.forEach(
        (name, values) -> sections.put(name, new WeightedList<>(values, weights.get(name))));
    return new Vocabulary(sections);
  }

  /** A section whose lines are full records (several fields). */
  WeightedList<Line> lines(String section) {
    WeightedList<Line> list = sections.get(section);
    if (list == null) {
      throw new IllegalStateException(RESOURCE + " has no section [" + section + "]");
    }
    return list;
  }

  /** A section of single values. */
  WeightedList<String> words(String section) {
    return lines(section).map(line -> line.field(0));
  }

  /** A section of counts ({@code weight|count}). */
  WeightedList<Integer> counts(String section) {
    return lines(section).map(line -> Integer.parseInt(line.field(0)));
  }
}
