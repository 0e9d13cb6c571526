package org.ocaetl.generate;

import java.util.SplittableRandom;

/**
 * Decision highlights: lines shaped {@code .....Key: value} (judges' and parties' names with
 * accents), joined by line breaks. Line templates and their placeholders live in the vocabulary.
 */
final class HighlightText {
  private final WeightedList<String> lines;
  private final WeightedList<Integer> lineCounts;
  private final WeightedList<String> judges;
  private final WeightedList<String> names;
  private final WeightedList<String> notes;
  private final WeightedList<String> decisions;
  private final WeightedList<String> parts;
  private final WeightedList<String> languages;

  HighlightText(Vocabulary vocabulary) {
    this.lines = vocabulary.words("highlightLine");
    this.lineCounts = vocabulary.counts("count.highlightLines");
    this.judges = vocabulary.words("judge");
    this.names = vocabulary.words("name");
    this.notes = vocabulary.words("note");
    this.decisions = vocabulary.words("motionDecision");
    this.parts = vocabulary.words("appearancePart");
    this.languages = vocabulary.words("language");
  }

  /** A typical highlight of a decision made on {@code day}. */
  String highlight(CaseFrame frame, long day) {
    StringBuilder text = new StringBuilder(160);
    int count = lineCounts.pick(frame.random());
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append('\n');
      }
      appendLine(text, frame, day);
    }
    return text.toString();
  }

  /** A highlight of at least {@code minimumChars} characters (an edge case: about 1 MB of text). */
  String huge(CaseFrame frame, long day, int minimumChars) {
    StringBuilder text = new StringBuilder(minimumChars + 200);
    while (text.length() < minimumChars) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      appendLine(text, frame, day);
    }
    return text.toString();
  }

  private void appendLine(StringBuilder text, CaseFrame frame, long day) {
    String template = lines.pick(frame.random());
    int from = 0;
    int open;
    while ((open = template.indexOf('{', from)) >= 0) {
      int close = template.indexOf('}', open);
      text.append(template, from, open)
          .append(value(template.substring(open + 1, close), frame, day));
      from = close + 1;
    }
    text.append(template, from, template.length());
  }

  private String value(String placeholder, CaseFrame frame, long day) {
    SplittableRandom random = frame.random();
    return switch (placeholder) {
      case "judge" -> judges.pick(random);
      case "name" -> names.pick(random);
      case "note" -> notes.pick(random);
      case "decision" -> decisions.pick(random);
      case "part" -> parts.pick(random);
      case "language" -> languages.pick(random);
      case "date" -> CaseFrame.date(day + 7 + random.nextInt(60));
      case "amount" -> CaseFrame.amount(10_000 + random.nextLong(1_500_000), random.nextBoolean());
      case "days" -> Integer.toString(5 + random.nextInt(55));
      default ->
          throw new IllegalStateException("unknown highlight placeholder {" + placeholder + "}");
    };
  }
}
