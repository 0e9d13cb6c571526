package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresTestDatabase;
import org.ocaetl.testing.TestExtracts;

/**
 * docs/processing-rules.md#rule-6 inside one file, through the real parse, export and promotion: a {@code <Delete/>}
 * anywhere in a file tombstones its id, whatever the order of the records and whatever the id's
 * state before (unknown, live, tombstoned), and the file contributes no version of the id. The
 * id's converted non-delete version still counts for {@code updatedate} (docs/processing-rules.md#rule-7: a version refused
 * only because the id is tombstoned counts); a failed one does not (docs/processing-rules.md#rule-8).
 */
class InFileDeleteTest {
  private static final String MAR_01 = "LandlordTenant.Incr.2024-03-01.zip";
  private static final String MAR_08 = "LandlordTenant.Incr.2024-03-08.zip";

  /** The record orders of one id in the second file: a = add, d = delete, f = failed add. */
  private static final List<String> ORDERS = List.of("ad", "da", "dad", "df", "fd", "afd", "fad");

  static PostgresTestDatabase db;
  @TempDir Path dir;
  PromotionHarness h;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = PostgresTestDatabase.create(InFileDeleteTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void freshSchema() throws Exception {
    h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir.resolve("store")));
  }

  private static String add(String id, String court) {
    return TestExtracts.index(
        id,
        "<Court>" + court + "</Court><Parties><Party><Role>" + court + "</Role></Party></Parties>"
            + "<PropertyAddresses><PropertyAddress><Street1>1 Main St</Street1>"
            + "<City>Bronx</City></PropertyAddress></PropertyAddresses>");
  }

  private static String failedAdd(String id) {
    return TestExtracts.index(id, "<Court>bad</Court><FiledDate>2024-02-30</FiledDate>");
  }

  /** The records of {@code id} in the order named by {@code order}. */
  private static List<String> records(String id, String order) {
    List<String> out = new ArrayList<>();
    for (char c : order.toCharArray()) {
      out.add(
          switch (c) {
            case 'a' -> add(id, "new");
            case 'd' -> TestExtracts.deleteRecord(id);
            case 'f' -> failedAdd(id);
            default -> throw new IllegalArgumentException(order);
          });
    }
    return out;
  }

  private RawFileStaging.Staged stage(String fileName, String runDate, List<String> indexes)
      throws Exception {
    Path zip =
        TestExtracts.zip(dir, fileName, TestExtracts.extract(runDate, indexes.toArray(String[]::new)));
    return RawFileStaging.stage(zip, dir, h.store);
  }

  @Test
  void aDeleteAnywhereInAFileIsFinalWhateverTheOrderAndThePreviousState() throws Exception {
    // First file: "live-*" ids get a version, "tomb-*" ids a delete record; "new-*" stay unknown.
    List<String> first = new ArrayList<>();
    for (String order : ORDERS) {
      first.add(add("live-" + order, "old"));
      first.add(TestExtracts.deleteRecord("tomb-" + order));
    }
    first.add(add("other", "old"));
    h.promote(stage(MAR_01, "2024-03-01", first).file());

    List<String> second = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (String order : ORDERS) {
      for (String state : List.of("new", "live", "tomb")) {
        ids.add(state + "-" + order);
        second.addAll(records(state + "-" + order, order));
      }
    }
    second.add(add("other", "new")); // an ordinary update in the same file is applied
    RawFileStaging.Staged staged = stage(MAR_08, "2024-03-08", second);

    assertEquals(ids.size(), staged.parse().casesDeleted(), "every id of the file is deleted");
    assertEquals(1, staged.parse().casesStaged());
    FilePromotion p = h.promote(staged.file()).files().getFirst();
    assertEquals(ids.size(), p.casesDeleted());
    assertEquals(1, p.casesApplied());
    assertEquals(0, p.casesTombstoned() + p.casesSkippedOlder());

    for (String id : ids) {
      assertTrue(h.rowCounts(id).values().stream().allMatch(n -> n == 0L), id + " has no rows");
    }
    List<String> expected = new ArrayList<>();
    for (String id : ids.stream().sorted().toList()) {
      String state = id.substring(0, id.indexOf('-'));
      String order = id.substring(id.indexOf('-') + 1);
      String initial = state.equals("new") ? "2024-03-08" : "2024-03-01";
      // updatedate: the file's winning non-delete version (the last a or f) if it converted.
      boolean converted = order.replace("d", "").endsWith("a");
      String update = converted ? "2024-03-08" : state.equals("live") ? "2024-03-01" : "∅";
      expected.add(id + "|" + initial + "|" + update + "|2024-03-08");
    }
    assertEquals(
        expected,
        h.rows("SELECT * FROM oca_metadata WHERE indexnumberid <> 'other' ORDER BY 1"));
    assertEquals(List.of("new"), h.rows("SELECT court FROM oca_index WHERE indexnumberid = 'other'"));
    assertEquals(List.of("other"), h.ids(OcaTable.OCA_PARTIES));
  }

  @Test
  void aLaterFileStillCannotBringTheIdBack() throws Exception {
    h.promote(stage(MAR_01, "2024-03-01", records("LT-1", "da")).file());

    FilePromotion later =
        h.promote(stage(MAR_08, "2024-03-08", List.of(add("LT-1", "again"))).file())
            .files()
            .getFirst();

    assertEquals(1, later.casesTombstoned());
    assertTrue(h.rowCounts("LT-1").values().stream().allMatch(n -> n == 0L));
    assertEquals(
        List.of("LT-1|2024-03-01|2024-03-08|2024-03-01"), h.rows("SELECT * FROM oca_metadata"));
  }
}
