package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link DataPackageRules} finds what the specifications forbid, so a descriptor that passes it means something. */
class DataPackageRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aValidDescriptorHasNoViolation() throws Exception {
    assertEquals(List.of(), DataPackageRules.violations(valid()));
  }

  @Test
  void findsEachBrokenRule() throws Exception {
    assertBroken(p -> p.remove("resources"), "resources (required) is not a non-empty array");
    assertBroken(p -> p.put("name", "OCA Records"), "package name \"OCA Records\" is not lower case letters, digits, -._/");
    assertBroken(p -> ((ObjectNode) p.get("licenses").get(0)).remove("name"), "a licence has neither name nor path");
    assertBroken(p -> ((ObjectNode) p.get("sources").get(0)).remove("title"), "a source has no title");
    assertBroken(p -> child(p).remove("name"), "resource : name (required) is not lower case letters, digits, -._/");
    assertBroken(p -> child(p).put("name", "parent"), "resource name \"parent\" is used twice");
    assertBroken(p -> child(p).remove("path"), "resource \"child\": needs exactly one of path and data");
    assertBroken(p -> child(p).put("path", "../child.csv"),
        "resource \"child\": path \"../child.csv\" is not a relative POSIX path inside the package");
    assertBroken(p -> child(p).put("hash", "sha256:xyz"),
        "resource \"child\": hash \"sha256:xyz\" is neither MD5 hex nor algorithm:hex");
    assertBroken(p -> child(p).put("bytes", "12"), "resource \"child\": bytes \"12\" is not a non-negative integer");
    assertBroken(p -> child(p).put("mediatype", "csv"), "resource \"child\": mediatype \"csv\" is not type/subtype");
    assertBroken(p -> ((ObjectNode) child(p).get("dialect")).put("header", "yes"),
        "resource \"child\": dialect header is not a boolean");
    assertBroken(p -> child(p).remove("schema"), "resource \"child\": a tabular data resource needs a schema");
    assertBroken(p -> field(p, 1).put("type", "timestamp"),
        "resource \"child\" field day: type \"timestamp\" is not a Table Schema type");
    assertBroken(p -> field(p, 1).put("format", "iso"),
        "resource \"child\" field day: format \"iso\" is not allowed for type date");
    assertBroken(p -> field(p, 0).put("format", "%Y"),
        "resource \"child\" field id: format \"%Y\" is not allowed for type string");
    assertBroken(p -> field(p, 2).putArray("trueValues"),
        "resource \"child\" field ok: trueValues is not a non-empty array of strings");
    assertBroken(p -> field(p, 1).put("name", "id"), "resource \"child\" field id: name used twice");
    assertBroken(p -> schema(p, "parent").putArray("primaryKey").add("nope"),
        "resource \"parent\": primaryKey [nope] names a field the schema does not have");
    assertBroken(p -> foreignKey(p).put("resource", "nowhere"),
        "resource \"child\": foreign key references resource nowhere, which the package does not have");
    assertBroken(p -> foreignKey(p).putArray("fields").add("nope"),
        "resource \"child\": foreign key references fields [nope] that parent does not have");
    assertBroken(p -> schema(p, "child").putArray("missingValues").add(1),
        "resource \"child\": missingValues is not an array of strings");
  }

  private static void assertBroken(Consumer<ObjectNode> breakIt, String violation) throws Exception {
    ObjectNode pkg = valid();
    breakIt.accept(pkg);
    assertEquals(List.of(violation), DataPackageRules.violations(pkg));
  }

  private static ObjectNode child(ObjectNode pkg) {
    return (ObjectNode) pkg.get("resources").get(1);
  }

  private static ObjectNode schema(ObjectNode pkg, String resource) {
    for (var r : pkg.get("resources")) {
      if (r.path("name").asText().equals(resource)) {
        return (ObjectNode) r.get("schema");
      }
    }
    throw new IllegalArgumentException(resource);
  }

  private static ObjectNode field(ObjectNode pkg, int i) {
    return (ObjectNode) schema(pkg, "child").get("fields").get(i);
  }

  private static ObjectNode foreignKey(ObjectNode pkg) {
    return (ObjectNode) schema(pkg, "child").get("foreignKeys").get(0).get("reference");
  }

  private static ObjectNode valid() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {
          "profile": "data-package",
          "name": "example",
          "licenses": [{"name": "notspecified", "title": "placeholder"}],
          "sources": [{"title": "a source"}],
          "resources": [
            {"name": "parent", "path": "parent.csv", "profile": "tabular-data-resource",
             "schema": {"fields": [{"name": "id", "type": "string"}], "primaryKey": ["id"]}},
            {"name": "child", "path": "child.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "bytes": 12,
             "hash": "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
             "dialect": {"delimiter": ",", "header": true, "doubleQuote": true},
             "schema": {
               "fields": [
                 {"name": "id", "type": "string", "format": "default"},
                 {"name": "day", "type": "date", "format": "default"},
                 {"name": "ok", "type": "boolean", "trueValues": ["t"], "falseValues": ["f"]},
                 {"name": "at", "type": "datetime", "format": "%Y-%m-%d %H:%M:%S"}
               ],
               "missingValues": [""],
               "foreignKeys": [{"fields": ["id"], "reference": {"resource": "parent", "fields": ["id"]}}]
             }}
          ]
        }
        """);
  }
}
