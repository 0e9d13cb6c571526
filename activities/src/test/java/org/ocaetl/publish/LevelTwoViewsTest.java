package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.Grant;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.reference.PlutoLoader;
import org.ocaetl.reference.TractsLoader;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/** The level-2 views and grants of a publish, in non-public schemas, with and without PostGIS. */
class LevelTwoViewsTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path dir;

  @Test
  void bblOnlyAboveTenUnitsAndTheTractOfEachPointInTheConfiguredSchema() throws Exception {
    LocalObjectStore store = new LocalObjectStore(dir.resolve("store"));
    PromotionHarness h = promoted(store, PostgisMode.AUTO);
    new PlutoLoader(db.dataSource(), h.schema).load(Files.writeString(dir.resolve("pluto.csv"),
        "bbl,unitsres,bct2020,bctcb2020,ct2010,cb2010,cd,council\n"
            + "1000010011,11,1000100,10001001000,1,1000,102,3\n"
            + "1000010010,10,1000200,10002002000,2,2000,103,4\n"), "25v1.1");
    new TractsLoader(db.dataSource(), h.schema).load(Files.writeString(dir.resolve("tracts.csv"),
        "geoid,the_geom\n36047000100,\"POLYGON((-74 40.6,-73.9 40.6,-73.9 40.7,-74 40.7,-74 40.6))\"\n"), "2020");

    SnapshotResult result = new PublicSnapshot(db.dataSource(), store).publish(h.schema);

    assertEquals(
        """
        indexnumberid,city,state,postalcode,borough_code,place_name,boro,cd,ct,bct2020,bctcb2020,ct2010,cb2010,\
        council,grc,grc2,msg,msg2,unitsres,bbl
        LT-1,Brooklyn,NY,11201,,,BROOKLYN,102,1.00,1000100,10001001000,1.00,1000,03,00,,,,11,1000010011
        LT-2,Brooklyn,NY,11201,,,BROOKLYN,101,2.00,1000200,10002002000,2.00,2000,01,00,,,,10,
        LT-3,Brooklyn,NY,11201,,,BROOKLYN,,,,,,,,00,,,,,
        """,
        read(store, "public/oca_addresses_with_bbl.csv"), "bbl only for more than 10 units (rule 15)");
    assertEquals(
        """
        indexnumberid,geoid,countyfp,city,state,postalcode
        LT-1,36047000100,047,Brooklyn,NY,11201
        LT-2,,,Brooklyn,NY,11201
        LT-3,,,Brooklyn,NY,11201
        """,
        read(store, "public/oca_addresses_with_ct.csv"));
    assertEquals(3L, result.rowsPerObject().get("public/oca_addresses_with_ct.csv"));
    assertEquals(
        List.of(h.schema + "|oca_addresses_public", h.schema + "|oca_addresses_with_bbl", h.schema + "|oca_addresses_with_ct",
            h.schema + "|oca_case_summary"),
        h.rows("SELECT table_schema, table_name FROM information_schema.views WHERE table_name LIKE 'oca%'"
            + " AND table_schema IN ('public', '" + h.schema + "') ORDER BY 2"),
        "views in the configured schema only, never in public");

    String privateCsv = read(store, PublicSnapshot.PRIVATE_ADDRESSES_KEY);
    assertTrue(privateCsv.startsWith(OcaTable.OCA_ADDRESSES.columnList() + ",geom\n"), privateCsv);
    assertTrue(privateCsv.lines().filter(l -> l.startsWith("LT-1,")).findFirst().orElseThrow()
        .endsWith(",0101000020E6100000" + h.rows("SELECT substr(public.ST_AsEWKB(geom)::text, 21)"
            + " FROM oca_addresses WHERE indexnumberid = 'LT-1'").getFirst().toUpperCase()), "geom as hex EWKB");
  }

  @Test
  void withoutPostgisTheBblViewIsPublishedAndTheTractViewIsNot() throws Exception {
    LocalObjectStore store = new LocalObjectStore(dir.resolve("store"));
    PromotionHarness h = promoted(store, PostgisMode.OFF);

    new PublicSnapshot(db.dataSource(), store).publish(h.schema);

    assertTrue(store.list("public/").contains("public/oca_addresses_with_bbl.csv"));
    assertFalse(store.list("public/").contains("public/oca_addresses_with_ct.csv"));
    assertEquals(OcaTable.OCA_ADDRESSES.columnList(), read(store, PublicSnapshot.PRIVATE_ADDRESSES_KEY).lines().findFirst().orElseThrow());
  }

  @Test
  void grantsGoToConfiguredRolesAndAMissingRoleStopsThePublishBeforeAnyChange() throws Exception {
    String role = "oca_t_reader_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + role);
    }
    try {
      LocalObjectStore store = new LocalObjectStore(dir.resolve("store"));
      PromotionHarness h = promoted(store, PostgisMode.AUTO);
      new PublicSnapshot(db.dataSource(), store, Grant.parseAll(List.of(role + ":select"))).publish(h.schema);
      assertEquals(List.of("t|t|t|f"), h.rows("SELECT has_schema_privilege('" + role + "', '" + h.schema + "', 'USAGE'),"
          + " has_table_privilege('" + role + "', '" + h.schema + ".oca_addresses_with_bbl', 'SELECT'),"
          + " has_table_privilege('" + role + "', '" + h.schema + ".oca_index', 'SELECT'),"
          + " has_table_privilege('" + role + "', '" + h.schema + ".oca_index', 'INSERT')"));

      LocalObjectStore other = new LocalObjectStore(dir.resolve("other"));
      PromotionHarness fresh = promoted(other, PostgisMode.AUTO);
      PublicSnapshot misconfigured =
          new PublicSnapshot(db.dataSource(), other, Grant.parseAll(List.of(role + ":select,oca_t_nobody:select")));
      LevelTwoViews.GrantConfigurationException e =
          assertThrows(LevelTwoViews.GrantConfigurationException.class, () -> misconfigured.publish(fresh.schema));
      assertTrue(e.getMessage().contains("[oca_t_nobody]"), e.getMessage());
      assertEquals(List.of(), other.list("public/"), "nothing published");
      assertEquals(List.of("f|∅"), fresh.rows("SELECT has_schema_privilege('" + role + "', '" + fresh.schema + "', 'USAGE'),"
          + " to_regclass('oca_addresses_with_bbl')"), "no grant, no view: the transaction never ran");
    } finally {
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("DROP OWNED BY " + role);
        st.execute("DROP ROLE " + role);
      }
    }
  }

  /** A fresh schema with three cases whose addresses have the geocodes of the assertions. */
  private PromotionHarness promoted(LocalObjectStore store, PostgisMode postgis) throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store, postgis);
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
        .version("LT-1", c -> c.row(OcaTable.OCA_ADDRESSES, address("1 Main St", "1000010011", null, null, "-73.95", "40.65")))
        .version("LT-2", c -> c.row(OcaTable.OCA_ADDRESSES, address("2 Main St", "1000010010", "101", "01", "-73.5", "40.65")))
        .version("LT-3", c -> c.row(OcaTable.OCA_ADDRESSES, address("3 Main St", "9999999999", null, null, null, null)))
        .writeTo(store));
    return h;
  }

  private static String[] address(String street, String bbl, String cd, String council, String lon, String lat) {
    return new String[] {"street1", street, "city", "Brooklyn", "state", "NY", "postalcode", "11201", "boro", "BROOKLYN",
        "bbl", bbl, "cd", cd, "council", council, "grc", "00", "lon", lon, "lat", lat};
  }

  private static String read(LocalObjectStore store, String key) throws Exception {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
