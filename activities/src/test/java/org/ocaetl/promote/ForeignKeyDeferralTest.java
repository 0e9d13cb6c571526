package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * Setting the foreign keys (and, while only new cases arrive, the child tables' indexes) aside is
 * invisible in the result: the same files promoted with them always set aside and never set aside
 * give identical tables, keys and indexes come back exactly as they were defined, and a failure
 * after they were set aside leaves them (and the data) untouched.
 */
class ForeignKeyDeferralTest {
  private static final PromotionSettings ALWAYS = PromotionSettings.DEFAULTS.withForeignKeyDeferralShare(0);
  private static final PromotionSettings NEVER = PromotionHarness.KEYS_CHECKED_PER_ROW;
  private static final String CONSTRAINTS =
      "SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k"
          + " JOIN pg_class c ON c.oid = k.conrelid WHERE c.relnamespace = current_schema()::regnamespace"
          + " UNION ALL SELECT replace(indexdef, current_schema() || '.', '') FROM pg_indexes"
          + " WHERE schemaname = current_schema() ORDER BY 1";

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;

  @Test
  void breakEvenFollowsTheStagedShareOfTheExistingRows() {
    assertTrue(ForeignKeyDeferral.worthSettingAside(1_000, 0, 0.15), "empty tables");
    assertTrue(ForeignKeyDeferral.worthSettingAside(300_000, 1_000_000, 0.15), "an Initial file");
    assertFalse(ForeignKeyDeferral.worthSettingAside(570_000, 20_000_000, 0.15), "a weekly file");
    assertFalse(ForeignKeyDeferral.worthSettingAside(0, 0, 0), "nothing staged");
  }

  @Test
  void keysSetAsideOrNotGiveTheSameTablesAndTheSameKeys() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    List<StagedFile> files =
        List.of(
            StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip")
                .fullVersion("X", "a").fullVersion("Y", "a").fullVersion("W", "a").delete("U")
                .writeTo(store),
            StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
                .delete("Y").fullVersion("Z", "b")
                .version("W", c -> c.index("court", "W b").row(OcaTable.OCA_PARTIES, "role", "only party"))
                .writeTo(store),
            StagedFileFixture.file("LandlordTenant.Incr.2024-03-15.zip")
                .fullVersion("X", "c").fullVersion("Y", "c").delete("V")
                .writeTo(store));

    PromotionHarness deferred = PromotionHarness.freshSchema(db.dataSource(), store);
    PromotionHarness checked = PromotionHarness.freshSchema(db.dataSource(), store);
    List<String> keysBefore = deferred.rows(CONSTRAINTS);
    // One transaction for all three files and one per file: both orders of the key handling. The
    // first file only adds cases (indexes set aside), the second replaces and deletes known ones
    // (indexes rebuilt first).
    deferred.promote(ALWAYS, files.toArray(StagedFile[]::new));
    for (StagedFile f : files) {
      checked.promote(NEVER, f);
    }

    assertEquals(checked.dumpTables(), deferred.dumpTables());
    assertEquals(keysBefore, deferred.rows(CONSTRAINTS));
    assertEquals(keysBefore, checked.rows(CONSTRAINTS));
    assertEquals(10, keysBefore.stream().filter(k -> k.contains("REFERENCES oca_index")).count());
  }

  @Test
  void failureAfterTheKeysWereSetAsideKeepsKeysAndData() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    h.promote(NEVER, StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip").fullVersion("X", "a").writeTo(store));
    Map<String, String> before = h.dumpEverything();
    List<String> keysBefore = h.rows(CONSTRAINTS);
    StagedFile good = StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip").fullVersion("X", "b").writeTo(store);
    StagedFile sameNameOtherContent =
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip").fullVersion("X", "z")
            .sha256("ab".repeat(32)).writeTo(store);

    assertThrows(LedgerConflictException.class, () -> h.promote(ALWAYS, good, sameNameOtherContent));

    assertEquals(before, h.dumpEverything());
    assertEquals(keysBefore, h.rows(CONSTRAINTS));
  }
}
