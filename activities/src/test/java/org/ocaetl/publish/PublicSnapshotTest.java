package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.FreshSchemaExtension;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.testing.PostgresDatabaseExtension;

class PublicSnapshotTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @RegisterExtension
  final FreshSchemaExtension fresh = new FreshSchemaExtension(db);
  PublicSnapshot snapshot;

  @BeforeEach
  void publisher() {
    snapshot = new PublicSnapshot(db.dataSource(), fresh.store());
  }

  @Test
  void writesEveryPublicObjectAndTheFullAddressesOnlyPrivately() throws Exception {
    fresh.harness().promote(
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
            .fullVersion("LT-2", "b")
            .fullVersion("LT-1", "a")
            .delete("LT-3")
            .writeTo(fresh.store()));

    SnapshotResult result = snapshot.publish(fresh.harness().schema);

    List<String> expectedPublic = new ArrayList<>();
    for (OcaTable t : OcaTable.values()) {
      expectedPublic.add("public/" + t.csvName());
    }
    expectedPublic.add("public/oca_addresses_with_bbl.csv"); // level-2 views (PostGIS is installed here)
    expectedPublic.add("public/oca_addresses_with_ct.csv");
    expectedPublic.add("public/oca_case_summary.csv");
    expectedPublic.add("public/index.html");
    expectedPublic.add("public/last-updated-date.txt");
    expectedPublic.add("public/last-updated-shield.svg");
    expectedPublic.add("public/datapackage.json");
    for (PublishedRelation r : PublishedRelation.ALL) {
      expectedPublic.add("public/parquet/" + r.name() + ".parquet");
    }
    assertEquals(expectedPublic.stream().sorted().toList(), fresh.store().list("public/"));
    assertEquals(List.of(PublicSnapshot.PRIVATE_ADDRESSES_KEY), fresh.store().list("private/exports/"));
    assertEquals(35, result.rowsPerObject().size());
    assertEquals(LocalDate.of(2024, 3, 8), result.dataDate());

    // Table CSVs: the header is the table's columns, every row is there (decisions' highlights span
    // several lines), rows are sorted, booleans are t/f (docs/tables.md#csv-format).
    for (OcaTable t : OcaTable.values()) {
      if (t != OcaTable.OCA_ADDRESSES) {
        List<String> lines = read("public/" + t.csvName()).lines().toList();
        assertEquals(t.columnList(), lines.getFirst(), t.tableName());
        assertEquals(
            fresh.harness().rows("SELECT count(*) FROM " + t.tableName()).getFirst(),
            result.rowsPerObject().get("public/" + t.csvName()).toString(),
            t.tableName());
      }
    }
    assertEquals(
        """
        indexnumberid,court,fileddate,propertytype,classification,specialtydesignationtypes,status,\
        disposeddate,disposedreason,firstpaper,primaryclaimtotal,dateofjurydemand
        LT-1,Court a,2020-01-02,,,"{HP,""SMITH, JOHN""}",Active a,,,,5000.00,
        LT-2,Court b,2020-01-02,,,"{HP,""SMITH, JOHN""}",Active b,,,,5000.00,
        """,
        read("public/oca_index.csv"));
    assertTrue(read("public/oca_judgments.csv").contains(",t,"), read("public/oca_judgments.csv"));
    assertEquals(
        """
        indexnumberid,initialdate,updatedate,deletedate
        LT-1,2024-03-08,2024-03-08,
        LT-2,2024-03-08,2024-03-08,
        LT-3,2024-03-08,,2024-03-08
        """,
        read("public/oca_metadata.csv"));

    // Addresses: level 1 publicly, street addresses only under private/.
    assertEquals(
        """
        indexnumberid,city,state,postalcode
        LT-1,Brooklyn,NY,11201
        LT-2,Brooklyn,NY,11201
        """,
        read("public/oca_addresses.csv"));
    String privateCsv = read(PublicSnapshot.PRIVATE_ADDRESSES_KEY);
    assertTrue(privateCsv.startsWith(OcaTable.OCA_ADDRESSES.columnList() + ",geom\n"), privateCsv);
    assertTrue(privateCsv.contains("1 Main St a"), privateCsv);
    // docs/processing-rules.md#rule-15 over every public object, the level-2 views included: no street address, no column that
    // holds one or a point that locates it.
    for (String key : fresh.store().list("public/")) {
      String content = read(key);
      for (String forbidden : List.of("street1", "street2", "Main St", "Apt 1")) {
        assertFalse(content.contains(forbidden), key + " contains " + forbidden);
      }
      List<String> header = List.of(content.lines().findFirst().orElse("").split(","));
      for (String column : List.of("house_number", "street_name", "sname", "hnum", "lat", "lon", "geom")) {
        assertFalse(header.contains(column), key + " has column " + column);
      }
    }

    assertEquals("2024-03-08\n", read("public/last-updated-date.txt"));
    String svg = read("public/last-updated-shield.svg");
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"28\""), svg);
    assertTrue(svg.contains("fill=\"#fecc00\""), svg);
    assertTrue(svg.contains(">Last Updated: 2024-03-08</text>"), svg);
  }

  @Test
  void dataDateNeverMovesBackwardsAndDeletionsAreRepublished() throws Exception {
    fresh.harness().promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
        .fullVersion("LT-1", "a").fullVersion("LT-2", "a").writeTo(fresh.store()));
    snapshot.publish(fresh.harness().schema);

    // An old file is replayed late (a new name, so it is promoted) and deletes LT-2.
    fresh.harness().promote(
        StagedFileFixture.file("LandlordTenant.Incr.2024-02-23.zip").delete("LT-2").writeTo(fresh.store()));
    SnapshotResult again = snapshot.publish(fresh.harness().schema);

    assertEquals(LocalDate.of(2024, 3, 8), again.dataDate());
    assertEquals("2024-03-08\n", read("public/last-updated-date.txt"));
    assertTrue(read("public/last-updated-shield.svg").contains("Last Updated: 2024-03-08"));
    for (OcaTable t : OcaTable.CHILD_TABLES) {
      String key = t == OcaTable.OCA_ADDRESSES ? "public/oca_addresses.csv" : "public/" + t.csvName();
      assertFalse(read(key).contains("LT-2"), key);
      assertEquals(1L, again.rowsPerObject().get(key), key);
    }
  }

  @Test
  void emptySchemaPublishesHeadersOnlyAndNoDate() throws Exception {
    SnapshotResult result = snapshot.publish(fresh.harness().schema);

    assertNull(result.dataDate());
    assertEquals("indexnumberid,initialdate,updatedate,deletedate\n", read("public/oca_metadata.csv"));
    assertFalse(fresh.store().list("public/").contains("public/last-updated-date.txt"));
    assertTrue(result.rowsPerObject().values().stream().allMatch(n -> n == 0L));
  }

  @Test
  void joinsOnlyWellFormedSnapshotIds() {
    // SET TRANSACTION SNAPSHOT takes no bind parameter: anything but the server's format is refused.
    assertThrows(IllegalArgumentException.class,
        () -> SchemaSession.joinSnapshot(db.dataSource(), SqlIdentifier.of(fresh.harness().schema),
            "00000003-0000001B-1'; DROP TABLE x; --"));
  }

  @Test
  void rejectsInvalidSchemaNames() {
    assertThrows(IllegalArgumentException.class, () -> snapshot.publish("public; drop"));
  }

  private String read(String key) throws IOException {
    try (InputStream in = fresh.store().get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
