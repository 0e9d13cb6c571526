package org.ocaetl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.PostgresTestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostGIS step after Flyway: auto with PostGIS, off, and auto where PostGIS cannot be installed. */
class PostgisSchemaTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;

  @Test
  void autoAddsAGeneratedGeomAndTheTractsTableOnceAndIsIdempotent() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(storeDir));
    assertEquals(List.of("geom|s"), h.rows("SELECT attname, attgenerated FROM pg_attribute"
        + " WHERE attrelid = 'oca_addresses'::regclass AND attname = 'geom'"), "a STORED generated column");
    assertEquals(
        List.of("oca_addresses_geom_idx|CREATE INDEX oca_addresses_geom_idx ON " + h.schema
                + ".oca_addresses USING gist (geom)",
            "tracts_geom_idx|CREATE INDEX tracts_geom_idx ON " + h.schema + ".tracts USING gist (geom)"),
        h.rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '" + h.schema
            + "' AND indexdef LIKE '%gist%' ORDER BY 1"));
    assertEquals(List.of("public.geometry(MultiPolygon,4326)"), h.rows("SELECT format_type(atttypid, atttypmod)"
        + " FROM pg_attribute WHERE attrelid = 'tracts'::regclass AND attname = 'geom'"));

    assertEquals(0, SchemaMigrator.migrate(db.dataSource(), h.schema), "every start runs it again: nothing to do");
    assertTrue(PostgisSchema.prepare(db.dataSource(), h.schema, PostgisMode.AUTO));
    assertEquals(List.of("1"), h.rows("SELECT count(*) FROM pg_attribute WHERE attrelid = 'oca_addresses'::regclass"
        + " AND attname = 'geom'"));
  }

  @Test
  void promotionSetsGeomAndRule14KeepsItWithTheCoordinates() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip")
        .version("LT-1", c -> c
            .row(OcaTable.OCA_ADDRESSES, "street1", "1 Main St", "city", "Brooklyn", "lat", "40.69", "lon", "-73.99")
            .row(OcaTable.OCA_ADDRESSES, "street1", "2 Main St", "city", "Brooklyn"))
        .writeTo(store));
    assertEquals(List.of("1 Main St|-73.99 40.69|4326", "2 Main St|∅|∅"), points(h));

    // The next version has no coordinates for the same address: the geocode, geom included, is kept.
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
        .version("LT-1", c -> c
            .row(OcaTable.OCA_ADDRESSES, "street1", "1 Main St", "city", "Brooklyn")
            .row(OcaTable.OCA_ADDRESSES, "street1", "2 Main St", "city", "Brooklyn", "lat", "40.7", "lon", "-73.9"))
        .writeTo(store));
    assertEquals(List.of("1 Main St|-73.99 40.69|4326", "2 Main St|-73.90 40.70|4326"), points(h));
  }

  @Test
  void offCreatesNoPostgisObjectsAndPromotionWorks() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store, PostgisMode.OFF);
    assertEquals(List.of("f|f"), h.rows(SqlFiles.PRESENT));
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip").fullVersion("LT-1", "a").writeTo(store));
    assertEquals(List.of("1"), h.rows("SELECT count(*) FROM oca_addresses"));
    assertFalse(PostgisSchema.prepare(db.dataSource(), h.schema, PostgisMode.OFF));
  }

  @Test
  void autoContinuesWithoutPostgisWhenTheRoleMayNotInstallIt() throws Exception {
    String role = "oca_t_nopostgis_" + UUID.randomUUID().toString().substring(0, 8);
    PostgresTestDatabase bare = PostgresTestDatabase.create(PostgisSchemaTest.class); // PostGIS not installed
    try {
      try (Connection c = bare.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE ROLE " + role + " LOGIN");
        st.execute("GRANT CREATE ON DATABASE " + bare.name() + " TO " + role);
      }
      PGSimpleDataSource asRole = new PGSimpleDataSource();
      asRole.setURL(bare.jdbcUrl());
      asRole.setUser(role);

      SchemaMigrator.migrate(asRole, "oca_plain", PostgisMode.AUTO); // logs one line, no failure

      PromotionHarness h = PromotionHarness.freshSchema(asRole, new LocalObjectStore(storeDir), PostgisMode.AUTO);
      assertEquals(List.of("f|f"), h.rows(SqlFiles.PRESENT));
      assertEquals(List.of("0"), h.rows("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'"));
    } finally {
      bare.close();
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }

  private static List<String> points(PromotionHarness h) throws Exception {
    // geom holds the real (float4) coordinates exactly; rounded here to the digits the test wrote.
    return h.rows("SELECT street1, round(public.ST_X(geom)::numeric, 2) || ' ' || round(public.ST_Y(geom)::numeric, 2),"
        + " public.ST_SRID(geom) FROM oca_addresses ORDER BY 1");
  }

  /** The production presence query, as the test reads it. */
  private static final class SqlFiles {
    static final String PRESENT = org.ocaetl.db.SqlResource.of("sql/schema/postgis_objects_present.sql").render();
  }
}
