package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.promote.FreshSchemaExtension;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.testing.PostgresDatabaseExtension;

class ExportOrderTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @RegisterExtension
  final FreshSchemaExtension fresh = new FreshSchemaExtension(db);

  @Test
  void theRelationsWithTheMostRowsToWriteGoFirst() throws Exception {
    fresh.harness().promote(
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip").fullVersion("LT-1", "a").writeTo(fresh.store()));
    try (Connection c = fresh.harness().connection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO oca_decisions (indexnumberid, sequence, highlight)"
          + " SELECT 'LT-1', g, repeat('x', 200) FROM generate_series(2, 20000) g");
      st.execute("ANALYZE");
    }

    List<PublishedRelation> relations = PublishedRelation.available(List.of()); // no level-2 view here
    List<PublishedRelation> ordered;
    try (Connection c = fresh.harness().connection()) {
      ordered = ExportOrder.costliestFirst(c, relations);
    }

    assertEquals(new HashSet<>(relations), new HashSet<>(ordered));
    assertEquals(relations.size(), ordered.size());
    List<String> names = ordered.stream().map(PublishedRelation::name).toList();
    assertTrue(names.indexOf("oca_decisions") < names.indexOf("oca_warrants"), names.toString());
    assertTrue(names.indexOf("oca_decisions") < names.indexOf("oca_index"), names.toString());
    assertEquals("oca_decisions", names.get(0), names.toString());
  }
}
