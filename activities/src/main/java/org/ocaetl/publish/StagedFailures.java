package org.ocaetl.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The failed cases of one staged report.json, for the public status page: their number and their
 * reasons counted by element and reason. The failure's case id and value are skipped unread into
 * the page (a value is redacted only for address elements, and may be any other private text), and
 * the line number is cut from the reason so that equal reasons count together. Streams the
 * failures array, holding at most {@value #DISTINCT_REASONS} distinct reasons.
 */
final class StagedFailures {
  static final int DISTINCT_REASONS = 20;
  static final String OTHER_REASONS = "other reasons";

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern LINE = Pattern.compile("\\s*\\(line \\d+\\)$");

  /** The failed-case count and the counted reasons, most frequent first. */
  record Summary(long failedCases, Map<String, Long> reasons) {}

  private StagedFailures() {}

  static Summary read(InputStream report) throws IOException {
    long failed = 0;
    Map<String, Long> reasons = new HashMap<>();
    try (JsonParser in = JSON.createParser(report)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("report.json is not a JSON object");
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        in.nextToken();
        switch (field) {
          case "cases" -> failed = failedCount(in);
          case "failures" -> countReasons(in, reasons);
          default -> in.skipChildren();
        }
      }
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return new Summary(failed, ordered);
  }

  private static long failedCount(JsonParser in) throws IOException {
    long failed = 0;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      if (name.equals("failed")) {
        failed = in.getLongValue();
      }
    }
    return failed;
  }

  private static void countReasons(JsonParser in, Map<String, Long> reasons) throws IOException {
    while (in.nextToken() == JsonToken.START_OBJECT) {
      String element = null;
      String reason = null;
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        switch (name) {
          case "element" -> element = in.getValueAsString();
          case "reason" -> reason = in.getValueAsString();
          default -> in.skipChildren();
        }
      }
      String key = element + ": " + (reason == null ? "" : LINE.matcher(reason).replaceFirst(""));
      if (!reasons.containsKey(key) && reasons.size() >= DISTINCT_REASONS - 1) {
        key = OTHER_REASONS;
      }
      reasons.merge(key, 1L, Long::sum);
    }
  }
}
