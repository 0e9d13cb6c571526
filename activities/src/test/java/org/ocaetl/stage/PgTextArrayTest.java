package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java-built array literal; PostgresRoundTripTest proves PostgreSQL reads it back exactly. */
class PgTextArrayTest {
  @Test
  void everyElementIsQuotedWithBackslashAndQuoteEscaped() {
    assertEquals(
        "{\"a,b\",\"say \\\"hi\\\"\",\"{x}\",\"back\\\\slash\",\"\\\\\\\"\",\"NULL\",\"\"}",
        PgTextArray.literal(
            List.of("a,b", "say \"hi\"", "{x}", "back\\slash", "\\\"", "NULL", "")));
  }

  @Test
  void nullElementIsAnUnquotedNull() {
    assertEquals("{\"NY\",NULL}", PgTextArray.literal(Arrays.asList("NY", null)));
  }

  @Test
  void emptyOrMissingArrayIsNull() {
    assertNull(PgTextArray.literal(List.of()));
    assertNull(PgTextArray.literal(null));
  }
}
