package org.ocaetl.activities;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ocaetl.stage.ParseReport;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.workflows.model.CaseFailure;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.FileResult;

/**
 * The staged report.json of a file: what the exporter wrote, plus what the staging steps after
 * it add ({@code parserVersion}, {@code geocoding}). A later run reads it back to decide whether
 * the staged output can be promoted as it is (same checksum, same parser version) and to report
 * the file's counters without staging it again. Both directions stream: the failures array can
 * be long.
 */
final class ReportJson {
  /**
   * Version of the staged output (parser + exporter). Bump it whenever a parser or exporter change
   * alters the CSVs of an unchanged raw file: files staged by an older version are then staged
   * again instead of reused (see {@code WorkflowIds.restage}). Version 2 refuses a file with an
   * implausible RunDate (docs/processing-rules.md#rule-1), which version 1 staged.
   */
  static final int PARSER_VERSION = 2;

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final Set<String> ADDED_FIELDS = Set.of("parserVersion", "geocoding");

  /**
   * What geocoding did, carried into the report (counts of address rows; see
   * {@code org.ocaetl.geocode.AddressCsvGeocoder.Report}).
   */
  record Geocoding(
      String geocoder, long addressesGeocoded, long elapsedMillis, long addressesMissed, long addressesLeft,
      String stoppedBy) {}

  private ReportJson() {}

  /** Streams the exporter's report.json to {@code key}, adding the parser version and geocoding. */
  static void upload(Path exportedReport, Geocoding geocoding, ObjectStore store, String key) throws IOException {
    try (JsonParser in = JSON.createParser(exportedReport.toFile())) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(exportedReport + " is not a JSON object");
      }
      store.write(
          key,
          "application/json",
          out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
              json.useDefaultPrettyPrinter();
              json.writeStartObject();
              json.writeNumberField("parserVersion", PARSER_VERSION);
              json.writeObjectFieldStart("geocoding");
              json.writeStringField("geocoder", geocoding.geocoder());
              json.writeNumberField("addressesGeocoded", geocoding.addressesGeocoded());
              json.writeNumberField("elapsedMillis", geocoding.elapsedMillis());
              json.writeNumberField("addressesMissed", geocoding.addressesMissed());
              json.writeNumberField("addressesLeft", geocoding.addressesLeft());
              if (geocoding.stoppedBy() != null) {
                json.writeStringField("stoppedBy", geocoding.stoppedBy());
              }
              json.writeEndObject();
              while (in.nextToken() == JsonToken.FIELD_NAME) {
                if (ADDED_FIELDS.contains(in.currentName())) {
                  in.nextToken();
                  in.skipChildren();
                } else {
                  json.copyCurrentStructure(in);
                }
              }
              json.writeEndObject();
            }
          });
    }
  }

  /**
   * Reads a staged report.json into the file result it stands for, keeping the first {@code
   * ParseReport.FAILURE_SAMPLE} failures. Empty when a field the result needs is missing (e.g. a
   * report staged before the parser version was recorded).
   */
  static Optional<FileResult> read(InputStream report) throws IOException {
    Fields f = new Fields();
    try (JsonParser in = JSON.createParser(report)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        in.nextToken();
        switch (field) {
          case "fileName" -> f.fileName = in.getText();
          case "sha256" -> f.sha256 = in.getText();
          case "extractDate" -> f.extractDate = LocalDate.parse(in.getText());
          case "parserVersion" -> f.parserVersion = in.getIntValue();
          case "warnings" -> f.warnings = strings(in);
          case "cases" -> f.cases = numbers(in);
          case "rowsPerTable" -> f.rowsPerTable = numbers(in);
          case "timingsMillis" -> f.timings = numbers(in);
          case "geocoding" -> readGeocoding(in, f);
          case "failures" -> f.failures = failures(in);
          case "drift" -> f.drift = drift(in);
          default -> in.skipChildren();
        }
      }
    }
    return f.complete() ? Optional.of(f.result()) : Optional.empty();
  }

  private static final class Fields {
    String fileName;
    String sha256;
    LocalDate extractDate;
    Integer parserVersion;
    List<String> warnings = List.of();
    Map<String, Long> cases;
    Map<String, Long> rowsPerTable;
    Map<String, Long> timings = Map.of();
    long addressesGeocoded;
    Long geocodeMillis;
    List<CaseFailure> failures = List.of();
    ExtractDrift drift = ExtractDrift.NONE;

    boolean complete() {
      return fileName != null && sha256 != null && extractDate != null && parserVersion != null
          && cases != null && rowsPerTable != null;
    }

    FileResult result() {
      Map<String, Long> stageMillis = new LinkedHashMap<>(timings);
      if (geocodeMillis != null) {
        stageMillis.put("geocode", geocodeMillis);
      }
      return new FileResult(
          fileName,
          extractDate,
          sha256,
          parserVersion,
          rowsPerTable,
          cases.getOrDefault("seen", 0L),
          cases.getOrDefault("staged", 0L),
          cases.getOrDefault("deleted", 0L),
          cases.getOrDefault("failed", 0L),
          failures,
          stageMillis,
          warnings,
          addressesGeocoded,
          drift);
    }
  }

  private static void readGeocoding(JsonParser in, Fields f) throws IOException {
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      in.nextToken();
      switch (field) {
        case "addressesGeocoded" -> f.addressesGeocoded = in.getLongValue();
        case "elapsedMillis" -> f.geocodeMillis = in.getLongValue();
        default -> in.skipChildren();
      }
    }
  }

  private static List<String> strings(JsonParser in) throws IOException {
    List<String> values = new ArrayList<>();
    while (in.nextToken() != JsonToken.END_ARRAY) {
      values.add(in.getText());
    }
    return values;
  }

  private static Map<String, Long> numbers(JsonParser in) throws IOException {
    Map<String, Long> values = new LinkedHashMap<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      values.put(name, in.getLongValue());
    }
    return values;
  }

  private static ExtractDrift drift(JsonParser in) throws IOException {
    List<ExtractDrift.PathCount> unmapped = new ArrayList<>();
    long notListed = 0;
    List<String> neverSeen = List.of();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      in.nextToken();
      switch (field) {
        case "unmapped" -> {
          while (in.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> path = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
              String name = in.currentName();
              in.nextToken();
              path.put(name, in.getText());
            }
            unmapped.add(new ExtractDrift.PathCount(path.get("path"), Long.parseLong(path.get("count"))));
          }
        }
        case "unmappedNotListed" -> notListed = in.getLongValue();
        case "mappedNeverSeen" -> neverSeen = strings(in);
        default -> in.skipChildren();
      }
    }
    return new ExtractDrift(unmapped, notListed, neverSeen);
  }

  private static List<CaseFailure> failures(JsonParser in) throws IOException {
    List<CaseFailure> sample = new ArrayList<>();
    while (in.nextToken() == JsonToken.START_OBJECT) {
      if (sample.size() >= ParseReport.FAILURE_SAMPLE) {
        in.skipChildren();
        continue;
      }
      Map<String, String> failure = new LinkedHashMap<>();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        failure.put(name, in.currentToken() == JsonToken.VALUE_NULL ? null : in.getText());
      }
      sample.add(Failures.capped(
          failure.get("caseId"), failure.get("element"), failure.get("value"), failure.get("reason")));
    }
    return sample;
  }
}
