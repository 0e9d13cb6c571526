package org.ocaetl.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the Frictionless Data Package v1 specifications that a descriptor must follow
 * (https://specs.frictionlessdata.io/: Data Package, Data Resource, Tabular Data Resource, Table
 * Schema, CSV Dialect), written out as checks because no maintained Java validator is on Maven
 * Central and the official JSON profiles cannot be fetched here. Returns every violation, one line
 * each; {@link DataPackageRulesTest} holds the rules to breaking descriptors.
 */
final class DataPackageRules {
  /** Data Package and Data Resource {@code name}: lower case, digits, and {@code - . _ /}. */
  static final Pattern NAME = Pattern.compile("^([-a-z0-9._/])+$");
  /** Open Definition licence ids. */
  static final Pattern LICENSE_NAME = Pattern.compile("^([-a-zA-Z0-9._])+$");
  /** Data Resource {@code hash}: bare MD5 hex, or {@code algorithm:hex}. */
  static final Pattern HASH = Pattern.compile("^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)$");
  static final Pattern MEDIATYPE = Pattern.compile("^(.+)/(.+)$");

  /** Table Schema field types, each with the {@code format} values it allows besides patterns. */
  static final Map<String, Set<String>> FORMATS = Map.ofEntries(
      Map.entry("string", Set.of("default", "email", "uri", "binary", "uuid")),
      Map.entry("number", Set.of("default")),
      Map.entry("integer", Set.of("default")),
      Map.entry("boolean", Set.of("default")),
      Map.entry("object", Set.of("default")),
      Map.entry("array", Set.of("default")),
      Map.entry("date", Set.of("default", "any")),
      Map.entry("time", Set.of("default", "any")),
      Map.entry("datetime", Set.of("default", "any")),
      Map.entry("year", Set.of("default")),
      Map.entry("yearmonth", Set.of("default")),
      Map.entry("duration", Set.of("default")),
      Map.entry("geopoint", Set.of("default", "array", "object")),
      Map.entry("geojson", Set.of("default", "topojson")),
      Map.entry("any", Set.of("default")));
  /** Types whose {@code format} may also be a strptime-style pattern. */
  private static final Set<String> PATTERN_FORMATS = Set.of("date", "time", "datetime");

  private final List<String> violations = new ArrayList<>();

  private DataPackageRules() {}

  static List<String> violations(JsonNode pkg) {
    DataPackageRules rules = new DataPackageRules();
    rules.checkPackage(pkg);
    return rules.violations;
  }

  private void checkPackage(JsonNode pkg) {
    if (!pkg.isObject()) {
      fail("descriptor is not a JSON object");
      return;
    }
    optionalString(pkg, "profile", "package");
    if (pkg.has("name") && !matches(pkg.get("name"), NAME)) {
      fail("package name " + pkg.get("name") + " is not lower case letters, digits, -._/");
    }
    for (String text : List.of("title", "description", "version", "homepage")) {
      optionalString(pkg, text, "package");
    }
    if (pkg.has("licenses")) {
      JsonNode licenses = pkg.get("licenses");
      if (!licenses.isArray() || licenses.isEmpty()) {
        fail("licenses is not a non-empty array");
      } else {
        for (JsonNode l : licenses) {
          if (!l.isObject() || !(l.has("name") || l.has("path"))) {
            fail("a licence has neither name nor path");
          } else if (l.has("name") && !matches(l.get("name"), LICENSE_NAME)) {
            fail("licence name " + l.get("name") + " is not an Open Definition id");
          }
        }
      }
    }
    if (pkg.has("sources")) {
      JsonNode sources = pkg.get("sources");
      if (!sources.isArray()) {
        fail("sources is not an array");
      } else {
        sources.forEach(s -> {
          if (!s.isObject() || !s.path("title").isTextual()) {
            fail("a source has no title");
          }
        });
      }
    }
    JsonNode resources = pkg.get("resources");
    if (resources == null || !resources.isArray() || resources.isEmpty()) {
      fail("resources (required) is not a non-empty array");
      return;
    }
    Set<String> names = new HashSet<>();
    for (JsonNode r : resources) {
      checkResource(r);
      if (r.path("name").isTextual() && !names.add(r.get("name").asText())) {
        fail("resource name " + r.get("name") + " is used twice");
      }
    }
    for (JsonNode r : resources) {
      checkForeignKeys(r, resources);
    }
  }

  private void checkResource(JsonNode r) {
    String at = "resource " + r.path("name");
    if (!r.isObject()) {
      fail("a resource is not an object");
      return;
    }
    if (!matches(r.get("name"), NAME)) {
      fail(at + ": name (required) is not lower case letters, digits, -._/");
    }
    if (r.has("path") == r.has("data")) {
      fail(at + ": needs exactly one of path and data");
    }
    if (r.has("path")) {
      JsonNode path = r.get("path");
      if (!path.isTextual() || path.asText().startsWith("/") || path.asText().contains("..")
          || path.asText().contains("\\") || path.asText().contains("://")) {
        fail(at + ": path " + path + " is not a relative POSIX path inside the package");
      }
    }
    for (String text : List.of("profile", "title", "description", "format", "encoding")) {
      optionalString(r, text, at);
    }
    if (r.has("mediatype") && !matches(r.get("mediatype"), MEDIATYPE)) {
      fail(at + ": mediatype " + r.get("mediatype") + " is not type/subtype");
    }
    if (r.has("bytes") && !(r.get("bytes").isIntegralNumber() && r.get("bytes").asLong() >= 0)) {
      fail(at + ": bytes " + r.get("bytes") + " is not a non-negative integer");
    }
    if (r.has("hash") && !matches(r.get("hash"), HASH)) {
      fail(at + ": hash " + r.get("hash") + " is neither MD5 hex nor algorithm:hex");
    }
    if (r.has("dialect")) {
      checkDialect(at, r.get("dialect"));
    }
    if ("tabular-data-resource".equals(r.path("profile").asText()) && !r.has("schema")) {
      fail(at + ": a tabular data resource needs a schema");
    }
    if (r.has("schema")) {
      checkSchema(at, r.get("schema"));
    }
  }

  private void checkDialect(String at, JsonNode dialect) {
    if (!dialect.isObject()) {
      fail(at + ": dialect is not an object");
      return;
    }
    for (String text : List.of("delimiter", "lineTerminator", "quoteChar", "escapeChar", "nullSequence", "commentChar")) {
      optionalString(dialect, text, at + " dialect");
    }
    for (String flag : List.of("doubleQuote", "skipInitialSpace", "header", "caseSensitiveHeader")) {
      if (dialect.has(flag) && !dialect.get(flag).isBoolean()) {
        fail(at + ": dialect " + flag + " is not a boolean");
      }
    }
  }

  private void checkSchema(String at, JsonNode schema) {
    JsonNode fields = schema.get("fields");
    if (!schema.isObject() || fields == null || !fields.isArray()) {
      fail(at + ": schema has no fields array (required)");
      return;
    }
    Set<String> names = new HashSet<>();
    for (JsonNode f : fields) {
      if (!f.path("name").isTextual()) {
        fail(at + ": a field has no name (required)");
        continue;
      }
      String field = at + " field " + f.get("name").asText();
      if (!names.add(f.get("name").asText())) {
        fail(field + ": name used twice");
      }
      String type = f.path("type").asText("string");
      if (!FORMATS.containsKey(type)) {
        fail(field + ": type " + f.get("type") + " is not a Table Schema type");
        continue;
      }
      if (f.has("format")) {
        String format = f.get("format").asText();
        boolean allowed = FORMATS.get(type).contains(format) || (PATTERN_FORMATS.contains(type) && format.contains("%"));
        if (!f.get("format").isTextual() || !allowed) {
          fail(field + ": format " + f.get("format") + " is not allowed for type " + type);
        }
      }
      for (String values : List.of("trueValues", "falseValues")) {
        if (f.has(values)) {
          if (!type.equals("boolean")) {
            fail(field + ": " + values + " on a " + type + " field");
          }
          if (!stringArray(f.get(values)) || f.get(values).isEmpty()) {
            fail(field + ": " + values + " is not a non-empty array of strings");
          }
        }
      }
      optionalString(f, "title", field);
      optionalString(f, "description", field);
    }
    if (schema.has("missingValues") && !stringArray(schema.get("missingValues"))) {
      fail(at + ": missingValues is not an array of strings");
    }
    if (schema.has("primaryKey")) {
      List<String> key = fieldList(schema.get("primaryKey"));
      if (key == null || key.isEmpty()) {
        fail(at + ": primaryKey is neither a field name nor a non-empty array of them");
      } else if (!names.containsAll(key)) {
        fail(at + ": primaryKey " + key + " names a field the schema does not have");
      }
    }
  }

  private void checkForeignKeys(JsonNode r, JsonNode resources) {
    JsonNode schema = r.path("schema");
    if (!schema.has("foreignKeys")) {
      return;
    }
    String at = "resource " + r.path("name");
    if (!schema.get("foreignKeys").isArray()) {
      fail(at + ": foreignKeys is not an array");
      return;
    }
    for (JsonNode fk : schema.get("foreignKeys")) {
      List<String> fields = fieldList(fk.get("fields"));
      JsonNode reference = fk.get("reference");
      if (fields == null || fields.isEmpty() || reference == null || !reference.isObject()
          || !reference.path("resource").isTextual()) {
        fail(at + ": a foreign key needs fields and a reference with a resource");
        continue;
      }
      List<String> referenced = fieldList(reference.get("fields"));
      if (referenced == null || referenced.size() != fields.size()) {
        fail(at + ": a foreign key's reference names " + referenced + " for fields " + fields);
        continue;
      }
      if (!fieldNames(r).containsAll(fields)) {
        fail(at + ": foreign key fields " + fields + " are not fields of the resource");
      }
      String target = reference.get("resource").asText();
      JsonNode referencedResource = target.isEmpty() ? r : null;
      for (JsonNode other : resources) {
        if (other.path("name").asText().equals(target)) {
          referencedResource = other;
        }
      }
      if (referencedResource == null) {
        fail(at + ": foreign key references resource " + target + ", which the package does not have");
      } else if (!fieldNames(referencedResource).containsAll(referenced)) {
        fail(at + ": foreign key references fields " + referenced + " that " + target + " does not have");
      }
    }
  }

  private static Set<String> fieldNames(JsonNode resource) {
    Set<String> names = new HashSet<>();
    resource.path("schema").path("fields").forEach(f -> names.add(f.path("name").asText()));
    return names;
  }

  /** A field name or an array of them; null if neither. */
  private static List<String> fieldList(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!stringArray(node)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    node.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static boolean stringArray(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(JsonNode node, Pattern pattern) {
    return node != null && node.isTextual() && pattern.matcher(node.asText()).matches();
  }

  private void optionalString(JsonNode node, String property, String at) {
    if (node.has(property) && !node.get(property).isTextual()) {
      fail(at + ": " + property + " is not a string");
    }
  }

  private void fail(String violation) {
    violations.add(violation);
  }
}
