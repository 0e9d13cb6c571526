package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.ColumnType;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.FailureValues;
import org.ocaetl.parse.LimitCases;
import org.ocaetl.parse.RejectedCase;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresTestDatabase;
import org.ocaetl.testing.TestExtracts;

/**
 * docs/processing-rules.md#rule-8, too-large cases, through the real parse, export and promotion: every value exactly at
 * its column's limit (docs/column-limits.md), in the characters hardest for indexes and CSV, lands
 * in PostgreSQL unchanged; a value one character over fails its case alone, and the other cases
 * and files of the run are applied.
 */
class ColumnLimitsPromotionTest {
  private static final String MAR_01 = "LandlordTenant.Incr.2024-03-01.zip";
  private static final String MAR_08 = "LandlordTenant.Incr.2024-03-08.zip";

  static PostgresTestDatabase db;
  @TempDir Path dir;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = PostgresTestDatabase.create(ColumnLimitsPromotionTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static String ordinary(String id, String court) {
    return TestExtracts.index(
        id,
        "<Court>" + court + "</Court><PropertyAddresses><PropertyAddress><Street1>1 Main St</Street1>"
            + "</PropertyAddress></PropertyAddresses>");
  }

  /** The value of {@code slot} exactly at its limit (the seed makes each one different). */
  private static String atLimit(LimitCases.Slot slot) {
    return LimitCases.valueOf(slot, slot.column().maxLength(), slot.element().hashCode());
  }

  @Test
  void valuesAtTheirLimitLandUnchangedAndOneOverFailsOnlyItsCase() throws Exception {
    PromotionHarness h =
        PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir.resolve("store")));
    List<LimitCases.Slot> slots = LimitCases.slots();
    String highlight = "Decisions/Decision/HighlightNoPersonallyIdentifyingInfo";

    // First file: an ordinary version of every case the second file sends over a limit.
    List<String> first = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      first.add(ordinary("over-" + i, "v1"));
    }
    Path firstZip =
        TestExtracts.zip(dir, MAR_01, TestExtracts.extract("2024-03-01", first.toArray(String[]::new)));

    // Second file: one case with every value at its limit (but the highlight, in a case of its
    // own: one Index holds a few MB at most), one over-limit value per case, an id over its limit
    // (as a case and as a delete record), and an ordinary case.
    String id = LimitCases.worst(256, 1);
    List<String> second = new ArrayList<>();
    second.add(
        LimitCases.index(id, slot -> slot.element().equals(highlight) ? null : atLimit(slot)));
    second.add(
        LimitCases.index(
            "long-highlight", slot -> slot.element().equals(highlight) ? atLimit(slot) : null));
    Map<String, LimitCases.Slot> overs = new LinkedHashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      LimitCases.Slot over = slots.get(i);
      overs.put("over-" + i, over);
      String text = LimitCases.valueOf(over, over.column().maxLength() + 1, i);
      second.add(LimitCases.index("over-" + i, slot -> slot.equals(over) ? text : null));
    }
    String longId = LimitCases.worst(257, 2);
    second.add(TestExtracts.index(LimitCases.escape(longId), "<Court>x</Court>"));
    second.add(TestExtracts.deleteRecord(LimitCases.escape(longId)));
    second.add(ordinary("ok", "v2"));
    Path secondZip =
        TestExtracts.zip(dir, MAR_08, TestExtracts.extract("2024-03-08", second.toArray(String[]::new)));

    RawFileStaging.Staged a = RawFileStaging.stage(firstZip, dir, h.store);
    RawFileStaging.Staged b = RawFileStaging.stage(secondZip, dir, h.store);
    PromotionResult result = h.promote(a.file(), b.file());

    // Both files are applied in the one transaction.
    assertEquals(List.of(MAR_01, MAR_08), result.files().stream().map(FilePromotion::fileName).toList());
    assertEquals(3, result.files().get(1).casesApplied(), "the limit cases and the ordinary one");
    assertEquals(List.of("v2"), h.rows("SELECT court FROM oca_index WHERE indexnumberid = 'ok'"));

    // Each over-limit case failed alone, reported with element, length and limit, never the value.
    List<RejectedCase> failures = b.parse().failures();
    assertEquals(slots.size() + 2, failures.size());
    for (int i = 0; i < slots.size(); i++) {
      LimitCases.Slot over = overs.get("over-" + i);
      RejectedCase failure = failures.get(i);
      int limit = over.column().maxLength();
      assertEquals("over-" + i, failure.caseId());
      assertEquals(over.element(), failure.element());
      assertTrue(
          failure.reason().startsWith("too long: " + (limit + 1) + " characters, limit " + limit),
          failure.reason());
      assertTrue(
          over.isAddress() ? failure.value().equals(FailureValues.REDACTED) : failure.value().length() < 300,
          failure.value());
    }
    for (RejectedCase failure : failures.subList(slots.size(), failures.size())) {
      assertEquals("IndexNumberId", failure.element());
      assertTrue(failure.caseId().length() < 300, "the id is cut short in the report");
      assertTrue(failure.reason().startsWith("too long: 257 characters, limit 256"), failure.reason());
    }
    // ... and left its case as it was (docs/processing-rules.md#rule-8).
    assertEquals(
        List.of(Integer.toString(slots.size())),
        h.rows(
            "SELECT count(*) FROM oca_index i JOIN oca_metadata m USING (indexnumberid)"
                + " WHERE i.indexnumberid LIKE 'over-%' AND i.court = 'v1'"
                + " AND m.updatedate = '2024-03-01' AND m.deletedate IS NULL"));
    assertEquals(
        List.of("0"), h.rows("SELECT count(*) FROM oca_metadata WHERE char_length(indexnumberid) > 256"));

    // Every value at its limit reads back exactly.
    try (Connection c = h.connection()) {
      for (LimitCases.Slot slot : slots) {
        String caseId = slot.element().equals(highlight) ? "long-highlight" : id;
        String expected = atLimit(slot);
        Object actual = value(c, slot, caseId);
        if (slot.column().type() == ColumnType.TEXT_ARRAY) {
          assertArrayEquals(new String[] {expected}, (Object[]) actual, slot.element());
        } else if (slot.column().type() == ColumnType.NUMERIC) {
          assertEquals(expected, actual.toString(), slot.element());
        } else {
          assertEquals(expected, actual, slot.element());
        }
      }
    }
    assertFalse(h.rows("SELECT 1 FROM oca_addresses WHERE char_length(street1) = 1024").isEmpty());
  }

  private static Object value(Connection c, LimitCases.Slot slot, String caseId) throws Exception {
    String sql =
        "SELECT " + slot.column().name() + " FROM " + slot.table().tableName() + " WHERE indexnumberid = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), slot.element());
        Object value = rs.getObject(1);
        return value instanceof Array array ? array.getArray() : value;
      }
    }
  }
}
