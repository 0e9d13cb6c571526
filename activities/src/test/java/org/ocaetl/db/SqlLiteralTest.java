package org.ocaetl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SqlLiteralTest {

  @Test
  void aPathIsAbsoluteAndItsQuotesAreDoubled() {
    assertEquals("'/tmp/o''brien/x.csv'", SqlLiteral.path(Path.of("/tmp/o'brien/x.csv")).sql());
    assertEquals("'" + Path.of("rel.csv").toAbsolutePath() + "'", SqlLiteral.path(Path.of("rel.csv")).sql());
  }

  @Test
  void onlyASizeIsASize() {
    assertEquals("'20GB'", SqlLiteral.size("20GB").sql());
    assertEquals("'1.5GiB'", SqlLiteral.size("1.5GiB").sql());
    assertThrows(IllegalArgumentException.class, () -> SqlLiteral.size("20GB'; DROP TABLE x; --"));
    assertThrows(IllegalArgumentException.class, () -> SqlLiteral.size("lots"));
  }

  @Test
  void aNameIsAValidatedIdentifierAsAString() {
    assertEquals("'primaryclaimtotal'", SqlLiteral.name(SqlIdentifier.of("primaryclaimtotal")).sql());
    assertThrows(IllegalArgumentException.class, () -> SqlLiteral.name(SqlIdentifier.of("x'; DROP TABLE y; --")));
  }
}
