package org.ocaetl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlIdentifierTest {
  @Test
  void acceptsLowerCaseNamesAndQuotesThem() {
    assertEquals("\"oca_etl_2\"", SqlIdentifier.of("oca_etl_2").quoted());
    assertEquals("\"user\"", SqlIdentifier.of("user").quoted()); // a keyword still works quoted
    assertEquals("_x", SqlIdentifier.require("_x"));
    assertEquals("a".repeat(63), SqlIdentifier.require("a".repeat(63)));
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad :
        List.of("public; drop", "public;drop schema x", "Public", "9lives", "", " a", "a b", "a\"b",
            "a.b", "é", "a".repeat(64))) {
      assertThrows(IllegalArgumentException.class, () -> SqlIdentifier.of(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> SqlIdentifier.of(null));
  }

  @Test
  void templatesOnlyTakeIdentifiersAndMustBeFullyFilled() {
    String sql =
        SqlResource.of("sql/promote/insert_case_rows.sql")
            .with("table", SqlIdentifier.of("oca_causes"))
            .with("net_table", SqlIdentifier.of("net_oca_causes"))
            .with("columns", List.of(SqlIdentifier.of("indexnumberid"), SqlIdentifier.of("amount")))
            .render();
    assertEquals(true, sql.contains("INSERT INTO \"oca_causes\" (\"indexnumberid\", \"amount\")"), sql);
    assertThrows(
        IllegalStateException.class,
        () -> SqlResource.of("sql/promote/insert_case_rows.sql").with("table", SqlIdentifier.of("t")).render());
  }
}
