package org.ocaetl.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ocaetl.model.Column;

/**
 * {@code public/datapackage.json}: a Frictionless Data Package (v1) descriptor of one publish
 * (docs/tables.md#data-package). Each published relation is two resources, its CSV ({@code <name>})
 * and its Parquet file ({@code <name>-parquet}), each with its byte size, SHA-256 and Table Schema:
 * every column with its type, format and meaning ({@link ColumnDescriptions}), empty fields as
 * missing values (the CSV's NULL), the primary key and the foreign key to {@code oca_index}.
 */
final class DataPackage {
  static final String FILE = "datapackage.json";
  static final String CONTENT_TYPE = "application/json";
  static final String PARQUET_SUFFIX = "-parquet";
  /** PostgreSQL's CSV timestamps, {@code YYYY-MM-DD HH:MM:SS}, as a Table Schema pattern. */
  static final String CSV_DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DataPackage() {}

  /**
   * @param files the byte size and hash of every published CSV and Parquet file, by key
   * @param dataDate the data date, or null before the first promotion
   */
  static byte[] descriptor(List<PublishedRelation> relations, Map<String, PublishedFile> files, LocalDate dataDate) {
    ObjectNode pkg = JSON.createObjectNode();
    pkg.put("profile", "data-package");
    pkg.put("name", "oca-housing-court-records");
    pkg.put("title", "New York State housing court (landlord-tenant) case records");
    pkg.put("description",
        "Landlord-tenant cases of the New York State Unified Court System's Office of Court Administration (OCA)"
            + " extract, without names or street addresses; every file is written from one database snapshot."
            + " CSV files follow PostgreSQL's CSV conventions (an empty unquoted field is NULL, \"\" the empty"
            + " string); the Parquet files hold the same rows with native types.");
    if (dataDate != null) {
      pkg.put("version", dataDate.toString());
      pkg.put("dataDate", dataDate.toString());
    }
    ArrayNode licenses = pkg.putArray("licenses");
    licenses.addObject()
        .put("name", "notspecified")
        .put("title", "Licence not yet specified: ask the publisher before reuse (placeholder)");
    pkg.putArray("sources").addObject()
        .put("title", "New York State Unified Court System, Office of Court Administration: landlord-tenant"
            + " case extract");
    ArrayNode resources = pkg.putArray("resources");
    for (PublishedRelation r : relations) {
      resources.add(csvResource(r, files.get(r.csvKey())));
    }
    for (PublishedRelation r : relations) {
      resources.add(parquetResource(r, files.get(r.parquetKey())));
    }
    try {
      return JSON.writeValueAsBytes(pkg);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A tree of strings and numbers always serialises", e);
    }
  }

  private static ObjectNode csvResource(PublishedRelation r, PublishedFile file) {
    ObjectNode resource = resource(r.name(), r.csvPath(), r, file);
    resource.put("profile", "tabular-data-resource");
    resource.put("format", "csv");
    resource.put("mediatype", "text/csv");
    resource.put("encoding", "utf-8");
    resource.putObject("dialect")
        .put("delimiter", ",")
        .put("doubleQuote", true)
        .put("lineTerminator", "\n")
        .put("quoteChar", "\"")
        .put("header", true);
    resource.set("schema", schema(r, Format.CSV));
    return resource;
  }

  private static ObjectNode parquetResource(PublishedRelation r, PublishedFile file) {
    ObjectNode resource = resource(r.name() + PARQUET_SUFFIX, r.parquetPath(), r, file);
    resource.put("profile", "data-resource");
    resource.put("format", "parquet");
    resource.put("mediatype", ParquetExporter.CONTENT_TYPE);
    resource.set("schema", schema(r, Format.PARQUET));
    return resource;
  }

  private static ObjectNode resource(String name, String path, PublishedRelation r, PublishedFile file) {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("name", name);
    resource.put("path", path);
    resource.put("description", ColumnDescriptions.of(r));
    resource.put("bytes", file.bytes());
    resource.put("hash", "sha256:" + file.sha256());
    return resource;
  }

  private enum Format {
    CSV,
    PARQUET
  }

  private static ObjectNode schema(PublishedRelation r, Format format) {
    ObjectNode schema = JSON.createObjectNode();
    ArrayNode fields = schema.putArray("fields");
    for (Column column : r.columns()) {
      ObjectNode field = fields.addObject();
      field.put("name", column.name());
      field(field, column, format);
      field.put("description", ColumnDescriptions.of(r, column.name()));
    }
    schema.putArray("missingValues").add("");
    if (!r.primaryKey().isEmpty()) {
      ArrayNode key = schema.putArray("primaryKey");
      r.primaryKey().forEach(key::add);
    }
    if (r.referencesIndex()) {
      ObjectNode foreignKey = schema.putArray("foreignKeys").addObject();
      foreignKey.putArray("fields").add("indexnumberid");
      ObjectNode reference = foreignKey.putObject("reference");
      reference.put("resource", format == Format.CSV ? "oca_index" : "oca_index" + PARQUET_SUFFIX);
      reference.putArray("fields").add("indexnumberid");
    }
    return schema;
  }

  /** The Table Schema type and format of a column, and how the CSV writes booleans. */
  private static void field(ObjectNode field, Column column, Format format) {
    switch (column.type()) {
      case TEXT -> field.put("type", "string").put("format", "default");
      case DATE -> field.put("type", "date").put("format", "default");
      case TIMESTAMP -> field.put("type", "datetime")
          .put("format", format == Format.CSV ? CSV_DATETIME_FORMAT : "default");
      case INT, BIGINT -> field.put("type", "integer").put("format", "default");
      case NUMERIC, REAL -> field.put("type", "number").put("format", "default");
      case BOOLEAN -> {
        field.put("type", "boolean").put("format", "default");
        if (format == Format.CSV) {
          field.putArray("trueValues").add("t");
          field.putArray("falseValues").add("f");
        }
      }
      // The CSV holds a PostgreSQL array literal ({a,"b c",NULL}), which is not Table Schema's JSON array.
      case TEXT_ARRAY -> field.put("type", format == Format.CSV ? "string" : "array").put("format", "default");
    }
  }
}
