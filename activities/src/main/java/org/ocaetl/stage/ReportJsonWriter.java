package org.ocaetl.stage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.ocaetl.db.SqlResource;
import org.ocaetl.parse.ExtractDrift;

/**
 * Writes report.json of a parsed file with a streaming generator: the counters, timings and rows
 * per table, then every failure read from the staging file's {@code case_failures} table one row
 * at a time, so a file with millions of failures never builds a list in memory.
 */
final class ReportJsonWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private ReportJsonWriter() {}

  static void write(Path target, ParseReport parse, ExportReport export, DuckDBConnection conn)
      throws IOException, SQLException {
    try (JsonGenerator json = JSON.createGenerator(target.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("fileName", parse.fileName());
      json.writeStringField("sha256", parse.sha256());
      json.writeStringField("extractDate", parse.extractDate().toString());
      json.writeArrayFieldStart("warnings");
      for (String warning : parse.warnings()) {
        json.writeString(warning);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("cases");
      json.writeNumberField("seen", parse.casesSeen());
      json.writeNumberField("staged", parse.casesStaged());
      json.writeNumberField("deleted", parse.casesDeleted());
      json.writeNumberField("failed", parse.casesFailed());
      json.writeEndObject();
      json.writeObjectFieldStart("rowsPerTable");
      for (Map.Entry<String, Long> rows : export.rowsPerTable().entrySet()) {
        json.writeNumberField(rows.getKey(), rows.getValue());
      }
      json.writeEndObject();
      json.writeNumberField("xmlBytes", parse.xmlBytes());
      json.writeObjectFieldStart("timingsMillis");
      json.writeNumberField("parse", parse.elapsedMillis());
      json.writeNumberField("export", export.elapsedMillis());
      json.writeEndObject();
      json.writeNumberField("peakHeapBytes", peakHeapBytes());
      if (!parse.drift().none()) {
        writeDrift(json, parse.drift());
      }
      json.writeArrayFieldStart("failures");
      writeFailures(json, conn);
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Paths and counts only: a value of an unmapped element could be anything, a street address too. */
  private static void writeDrift(JsonGenerator json, ExtractDrift drift) throws IOException {
    json.writeObjectFieldStart("drift");
    json.writeArrayFieldStart("unmapped");
    for (ExtractDrift.PathCount path : drift.unmapped()) {
      json.writeStartObject();
      json.writeStringField("path", path.path());
      json.writeNumberField("count", path.count());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("unmappedNotListed", drift.unmappedNotListed());
    json.writeArrayFieldStart("mappedNeverSeen");
    for (String path : drift.mappedNeverSeen()) {
      json.writeString(path);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeFailures(JsonGenerator json, DuckDBConnection conn)
      throws IOException, SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/stage/failures.sql").statement())) {
      while (rs.next()) {
        json.writeStartObject();
        json.writeNumberField("caseSeq", rs.getLong("case_seq"));
        json.writeStringField("caseId", rs.getString("caseid"));
        json.writeStringField("element", rs.getString("element"));
        json.writeStringField("value", rs.getString("value"));
        json.writeStringField("reason", rs.getString("reason"));
        json.writeEndObject();
      }
    }
  }

  /**
   * Sum of the peak usage of every heap pool since the JVM started (or since a pool's peak was
   * reset). The pools peak at different moments, so this is an upper bound of the true peak, and
   * in a worker it covers every activity the JVM ran, not this file alone.
   */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
