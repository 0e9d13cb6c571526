package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * docs/processing-rules.md#rule-5, #rule-6, #rule-7 are order-independent: three files applied in all six orders (one promotion per file)
 * into fresh schemas give identical tables, and the metadata is the expected one.
 */
class PromotionOrderIndependenceTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;

  @Test
  void everyPermutationOfThreeFilesGivesTheSameTables() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    StagedFile a =
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip")
            .fullVersion("X", "a") // X: updated by C
            .fullVersion("Y", "a") // Y: deleted by B, re-sent by C
            .fullVersion("W", "a") // W: replaced by a smaller version in B
            .delete("U") //           U: deleted twice
            .writeTo(store);
    StagedFile b =
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
            .delete("Y")
            .fullVersion("Z", "b") // Z: only here
            .version("W", c -> c.index("court", "W b").row(OcaTable.OCA_PARTIES, "role", "only party"))
            .delete("U")
            .fullVersion("T", "b") // T: C drops its addresses
            .writeTo(store);
    StagedFile c =
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-15.zip")
            .fullVersion("X", "c")
            .fullVersion("Y", "c")
            .delete("V") //           V: unknown id deleted
            .version("T", v -> v.index("court", "T c").row(OcaTable.OCA_CAUSES, "amount", "1.10"))
            .writeTo(store);

    Map<String, String> first = null;
    for (List<StagedFile> order : permutations(List.of(a, b, c))) {
      PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
      for (StagedFile f : order) {
        h.promote(f);
      }
      Map<String, String> dump = h.dumpTables();
      if (first == null) {
        first = dump;
        assertEquals(
            List.of(
                "T|2024-03-08|2024-03-15|∅",
                "U|2024-03-01|∅|2024-03-08",
                "V|2024-03-15|∅|2024-03-15",
                "W|2024-03-01|2024-03-08|∅",
                "X|2024-03-01|2024-03-15|∅",
                "Y|2024-03-01|2024-03-15|2024-03-08",
                "Z|2024-03-08|2024-03-08|∅"),
            h.rows("SELECT * FROM oca_metadata ORDER BY 1"));
        assertEquals(
            List.of("T|T c", "W|W b", "X|Court c", "Z|Court b"),
            h.rows("SELECT indexnumberid, court FROM oca_index ORDER BY 1"));
        assertEquals(List.of("T", "X", "Z"), h.ids(OcaTable.OCA_CAUSES));
        assertEquals(List.of("X", "Z"), h.ids(OcaTable.OCA_ADDRESSES));
        assertEquals(List.of("W", "X", "Z"), h.ids(OcaTable.OCA_PARTIES));
      } else {
        assertEquals(first, dump, "order " + order.stream().map(StagedFile::fileName).toList());
      }
    }
  }

  private static <T> List<List<T>> permutations(List<T> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<T>> out = new ArrayList<>();
    for (T head : items) {
      List<T> rest = new ArrayList<>(items);
      rest.remove(head);
      for (List<T> tail : permutations(rest)) {
        List<T> p = new ArrayList<>();
        p.add(head);
        p.addAll(tail);
        out.add(p);
      }
    }
    return out;
  }
}
