package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.model.OcaTable.OCA_ADDRESSES;
import static org.ocaetl.model.OcaTable.OCA_CAUSES;
import static org.ocaetl.model.OcaTable.OCA_INDEX;
import static org.ocaetl.model.OcaTable.OCA_PARTIES;
import static org.ocaetl.model.OcaTable.OCA_WARRANTS;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/** docs/processing-rules.md#rule-4, #rule-5, #rule-6, #rule-7, #rule-8, #rule-14 of processing-rules.md, one promotion after another into a fresh schema. */
class PromotionRulesTest {
  private static final String MAR_01 = "LandlordTenant.Incr.2024-03-01.zip";
  private static final String MAR_08 = "LandlordTenant.Incr.2024-03-08.zip";
  private static final String MAR_15 = "LandlordTenant.Incr.2024-03-15.zip";
  private static final String MAR_22 = "LandlordTenant.Incr.2024-03-22.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;
  PromotionHarness h;

  @BeforeEach
  void freshSchema() throws Exception {
    h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(storeDir));
  }

  @Test
  void firstLoadWritesEveryTableExactlyAsStaged() throws Exception {
    StagedFile f =
        StagedFileFixture.file(MAR_01)
            .fullVersion("LT-1", "v1")
            .version("LT-2", c -> c.index("court", "Bronx", "primaryclaimtotal", "5000.00"))
            .delete("LT-3")
            .writeTo(h.store);

    FilePromotion p = h.promote(f).files().getFirst();

    assertFalse(p.alreadyPromoted());
    assertEquals(2, p.casesApplied());
    assertEquals(1, p.casesDeleted());
    assertEquals(0, p.casesSkippedOlder() + p.casesTombstoned());
    assertEquals(2L, p.rowsInserted().get("oca_index"));
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      assertEquals(1L, p.rowsInserted().get(child.tableName()), child.tableName());
    }
    // Values survive exactly: numerics keep their digits, arrays their quoted elements.
    assertEquals(
        List.of("LT-1|Court v1|5000.00|{HP,\"SMITH, JOHN\"}", "LT-2|Bronx|5000.00|∅"),
        h.rows(
            "SELECT indexnumberid, court, primaryclaimtotal, specialtydesignationtypes"
                + " FROM oca_index ORDER BY 1"));
    assertEquals(List.of("LT-1|1234.5678"), h.rows("SELECT indexnumberid, amount FROM oca_causes"));
    assertEquals(
        List.of("LT-1|t|{Petitioner}"),
        h.rows("SELECT indexnumberid, withpossession, creditorsroles FROM oca_judgments"));
    assertEquals(
        List.of("{Brooklyn,NULL}"), h.rows("SELECT propertiesonwarrantcities FROM oca_warrants"));
    assertEquals(
        List.of(
            "LT-1|2024-03-01|2024-03-01|∅",
            "LT-2|2024-03-01|2024-03-01|∅",
            "LT-3|2024-03-01|∅|2024-03-01"),
        h.rows("SELECT * FROM oca_metadata ORDER BY 1"));
    assertEquals(
        List.of(MAR_01 + "|2024-03-01|" + f.sha256() + "|wf-test|run-test"),
        h.rows("SELECT file_name, extract_date, sha256, workflow_id, run_id FROM oca_promoted_files"));
  }

  @Test
  void oneRequestAppliesSeveralFilesInOrder() throws Exception {
    StagedFile first = StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").writeTo(h.store);
    StagedFile second = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").writeTo(h.store);

    PromotionResult result = h.promote(first, second);

    assertEquals(List.of(MAR_01, MAR_08), result.files().stream().map(FilePromotion::fileName).toList());
    assertEquals(List.of("Court v2"), h.rows("SELECT court FROM oca_index"));
    assertEquals(List.of("LT-1|2024-03-01|2024-03-08|∅"), h.rows("SELECT * FROM oca_metadata"));
    assertEquals(2, h.rows("SELECT 1 FROM oca_promoted_files").size());
  }

  @Test
  void updateReplacesEveryChildRowAndRemovedSectionsLeaveNoRows() throws Exception {
    h.promote(
        StagedFileFixture.file(MAR_01)
            .version("LT-1", c -> c.everySection("v1").row(OCA_PARTIES, "role", "Respondent"))
            .fullVersion("LT-2", "other")
            .writeTo(h.store));

    // The new version has one cause and one party; every other section is gone.
    FilePromotion p =
        h.promote(
                StagedFileFixture.file(MAR_08)
                    .version(
                        "LT-1",
                        c ->
                            c.index("court", "Court v2")
                                .row(OCA_CAUSES, "causeofactiontype", "Holdover")
                                .row(OCA_PARTIES, "role", "Petitioner v2"))
                    .writeTo(h.store))
            .files()
            .getFirst();

    assertEquals(1, p.casesApplied());
    assertEquals(
        Map.ofEntries(
            Map.entry("oca_index", 1L),
            Map.entry("oca_causes", 1L),
            Map.entry("oca_addresses", 0L),
            Map.entry("oca_parties", 1L),
            Map.entry("oca_events", 0L),
            Map.entry("oca_appearances", 0L),
            Map.entry("oca_appearance_outcomes", 0L),
            Map.entry("oca_motions", 0L),
            Map.entry("oca_decisions", 0L),
            Map.entry("oca_judgments", 0L),
            Map.entry("oca_warrants", 0L)),
        p.rowsInserted());
    assertEquals(
        Map.ofEntries(
            Map.entry("oca_index", 1L),
            Map.entry("oca_causes", 1L),
            Map.entry("oca_addresses", 0L),
            Map.entry("oca_parties", 1L),
            Map.entry("oca_events", 0L),
            Map.entry("oca_appearances", 0L),
            Map.entry("oca_appearance_outcomes", 0L),
            Map.entry("oca_motions", 0L),
            Map.entry("oca_decisions", 0L),
            Map.entry("oca_judgments", 0L),
            Map.entry("oca_warrants", 0L)),
        h.rowCounts("LT-1"));
    assertEquals(List.of("Court v2|∅"), h.rows("SELECT court, status FROM oca_index WHERE indexnumberid='LT-1'"));
    assertEquals(List.of("Holdover"), h.rows("SELECT causeofactiontype FROM oca_causes WHERE indexnumberid='LT-1'"));
    assertEquals(List.of("Petitioner v2"), h.rows("SELECT role FROM oca_parties WHERE indexnumberid='LT-1'"));
    // The other case is untouched.
    assertTrue(h.rowCounts("LT-2").values().stream().allMatch(n -> n == 1L));
  }

  @Test
  void olderVersionNeverOverwritesNewerDataButIsSeenInMetadata() throws Exception {
    h.promote(StagedFileFixture.file(MAR_08).fullVersion("LT-1", "new").writeTo(h.store));
    var before = h.dumpTables();

    // An older file (never promoted before) arrives late with an older version of LT-1.
    FilePromotion p =
        h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-1", "old").writeTo(h.store))
            .files()
            .getFirst();

    assertEquals(1, p.casesSkippedOlder());
    assertEquals(0, p.casesApplied());
    var after = h.dumpTables();
    after.remove("oca_metadata");
    before.remove("oca_metadata");
    assertEquals(before, after, "data tables unchanged");
    // initialdate moves to the earliest sighting; updatedate stays the newest version.
    assertEquals(List.of("LT-1|2024-03-01|2024-03-08|∅"), h.rows("SELECT * FROM oca_metadata"));
  }

  @Test
  void equalExtractDatesApply() throws Exception {
    h.promote(StagedFileFixture.file("LandlordTenant.Initial.FiledIn2016.2024-03-01.zip")
        .fullVersion("LT-1", "a").writeTo(h.store));
    FilePromotion p =
        h.promote(StagedFileFixture.file("LandlordTenant.Initial.FiledIn2017.2024-03-01.zip")
                .fullVersion("LT-1", "b").writeTo(h.store))
            .files().getFirst();

    assertEquals(1, p.casesApplied());
    assertEquals(List.of("Court b"), h.rows("SELECT court FROM oca_index"));
  }

  @Test
  void deleteRemovesEveryRowAndOlderResendStaysDeleted() throws Exception {
    h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").fullVersion("LT-2", "keep")
        .writeTo(h.store));

    FilePromotion deleted =
        h.promote(StagedFileFixture.file(MAR_15).delete("LT-1").writeTo(h.store)).files().getFirst();
    assertEquals(1, deleted.casesDeleted());
    assertTrue(h.rowCounts("LT-1").values().stream().allMatch(n -> n == 0L), "no rows in any data table");

    // An older file re-sends the case without Delete: still deleted.
    FilePromotion older =
        h.promote(StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v-older").writeTo(h.store))
            .files().getFirst();
    assertEquals(1, older.casesTombstoned());
    assertEquals(0, older.casesApplied());
    assertTrue(h.rowCounts("LT-1").values().stream().allMatch(n -> n == 0L));
    assertEquals(
        List.of("LT-1|2024-03-01|2024-03-08|2024-03-15"),
        h.rows("SELECT * FROM oca_metadata WHERE indexnumberid = 'LT-1'"));
    assertTrue(h.rowCounts("LT-2").values().stream().allMatch(n -> n == 1L));
  }

  @Test
  void resendAfterDeleteStaysDeleted() throws Exception {
    h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").writeTo(h.store));
    h.promote(StagedFileFixture.file(MAR_08).delete("LT-1").writeTo(h.store));

    FilePromotion later =
        h.promote(StagedFileFixture.file(MAR_15).fullVersion("LT-1", "v3").writeTo(h.store))
            .files().getFirst();

    assertEquals(1, later.casesTombstoned());
    assertTrue(h.rowCounts("LT-1").values().stream().allMatch(n -> n == 0L));
    assertEquals(
        List.of("LT-1|2024-03-01|2024-03-15|2024-03-08"), h.rows("SELECT * FROM oca_metadata"));
  }

  @Test
  void deleteOfUnknownIdIsRecordedAsTombstone() throws Exception {
    FilePromotion p =
        h.promote(StagedFileFixture.file(MAR_08).delete("LT-404").writeTo(h.store)).files().getFirst();
    assertEquals(1, p.casesDeleted());
    assertEquals(List.of("LT-404|2024-03-08|∅|2024-03-08"), h.rows("SELECT * FROM oca_metadata"));

    // A case version older than the delete, arriving later, never appears.
    h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-404", "v").writeTo(h.store));
    assertTrue(h.rowCounts("LT-404").values().stream().allMatch(n -> n == 0L));
    assertEquals(List.of("LT-404|2024-03-01|2024-03-01|2024-03-08"), h.rows("SELECT * FROM oca_metadata"));
  }

  @Test
  void repeatedDeleteKeepsTheLatestDeleteDate() throws Exception {
    h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").writeTo(h.store));
    h.promote(StagedFileFixture.file(MAR_15).delete("LT-1").writeTo(h.store));
    h.promote(StagedFileFixture.file(MAR_08).delete("LT-1").writeTo(h.store));
    h.promote(StagedFileFixture.file(MAR_22).delete("LT-1").writeTo(h.store));

    assertTrue(h.rowCounts("LT-1").values().stream().allMatch(n -> n == 0L));
    assertEquals(
        List.of("LT-1|2024-03-01|2024-03-01|2024-03-22"), h.rows("SELECT * FROM oca_metadata"));
  }

  @Test
  void failedCaseAbsentFromTheStagedFileChangesNothing() throws Exception {
    h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").fullVersion("LT-2", "v1")
        .writeTo(h.store));
    Map<String, Long> lt1Before = h.rowCounts("LT-1");
    List<String> lt1Rows = h.rows("SELECT * FROM oca_causes WHERE indexnumberid='LT-1'");

    // LT-1 failed to convert in the newer file: the exporter left it out of all twelve CSVs.
    h.promote(StagedFileFixture.file(MAR_08).fullVersion("LT-2", "v2").writeTo(h.store));

    assertEquals(lt1Before, h.rowCounts("LT-1"));
    assertEquals(lt1Rows, h.rows("SELECT * FROM oca_causes WHERE indexnumberid='LT-1'"));
    assertEquals(
        List.of("LT-1|2024-03-01|2024-03-01|∅", "LT-2|2024-03-01|2024-03-08|∅"),
        h.rows("SELECT * FROM oca_metadata ORDER BY 1"));
    // Replaying the fixed file later applies the case (docs/processing-rules.md#rule-8 + docs/processing-rules.md#rule-5).
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.rerun.zip")
        .fullVersion("LT-1", "v2").writeTo(h.store));
    assertEquals(List.of("Court v2"), h.rows("SELECT court FROM oca_index WHERE indexnumberid='LT-1'"));
  }

  @Test
  void sameAddressWithoutCoordinatesKeepsThePreviousGeocode() throws Exception {
    String[] geocoded = {
      "status", "success", "house_number", "1", "street_name", "MAIN ST", "sname", "MAIN STREET",
      "hnum", "1", "boro", "BROOKLYN", "lat", "40.69", "bin", "3000001", "bbl", "3000010001",
      "cd", "302", "ct", "1502", "council", "33", "grc", "00", "grc2", "00", "msg", "ok",
      "msg2", "ok2", "lon", "-73.99", "zip_code", "11201"
    };
    h.promote(
        StagedFileFixture.file(MAR_01)
            .version("LT-1", c -> c
                .row(OCA_ADDRESSES, concat(address("1 Main St", null), geocoded))
                .row(OCA_ADDRESSES, concat(address("9 Moved Ave", "Apt 2"), geocoded)))
            .writeTo(h.store));

    // The new version: the first address again, not geocoded (geocoder failed); the second
    // address changed its street2; a third, new address.
    h.promote(
        StagedFileFixture.file(MAR_08)
            .version("LT-1", c -> c
                .row(OCA_ADDRESSES, concat(address("1 Main St", null), "status", "error", "msg", "msg err"))
                .row(OCA_ADDRESSES, address("9 Moved Ave", "Apt 3"))
                .row(OCA_ADDRESSES, address("5 New Rd", null)))
            .writeTo(h.store));

    assertEquals(
        List.of(
            "1 Main St|∅|success|40.69|-73.99|3000010001|302|1502|33|00|ok|ok2|11201",
            "5 New Rd|∅|∅|∅|∅|∅|∅|∅|∅|∅|∅|∅|∅",
            "9 Moved Ave|Apt 3|∅|∅|∅|∅|∅|∅|∅|∅|∅|∅|∅"),
        h.rows(
            "SELECT street1, street2, status, lat, lon, bbl, cd, ct, council, grc, msg, msg2, zip_code"
                + " FROM oca_addresses ORDER BY street1"));

    // A fresh geocode of the same address replaces the kept one.
    h.promote(
        StagedFileFixture.file(MAR_15)
            .version("LT-1", c -> c.row(OCA_ADDRESSES,
                concat(address("1 Main St", null), "status", "census", "lat", "40.7", "lon", "-74.0")))
            .writeTo(h.store));
    assertEquals(
        List.of("1 Main St|census|40.7|-74|∅"),
        h.rows("SELECT street1, status, lat, lon, bbl FROM oca_addresses"));
  }

  @Test
  void warrantRowsAndIndexIdsStayConsistentAcrossTables() throws Exception {
    h.promote(StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").fullVersion("LT-2", "v1")
        .writeTo(h.store));
    h.promote(StagedFileFixture.file(MAR_08).delete("LT-2").writeTo(h.store));

    // Orphan check over every child table (deletes never rely on the cascade): every child id has an oca_index row.
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      assertEquals(
          List.of("0"),
          h.rows("SELECT count(*) FROM " + child.tableName() + " c WHERE NOT EXISTS"
              + " (SELECT 1 FROM oca_index i WHERE i.indexnumberid = c.indexnumberid)"),
          child.tableName());
    }
    assertEquals(List.of("LT-1"), h.ids(OCA_INDEX));
    assertEquals(List.of("LT-1"), h.ids(OCA_WARRANTS));
  }

  private static String[] address(String street1, String street2) {
    return new String[] {
      "street1", street1, "street2", street2, "city", "Brooklyn", "state", "NY", "postalcode", "11201"
    };
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
