package org.ocaetl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.PromotionTransaction;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

class SchemaMigratorTest {
  /** format_type() spelling of each column type. */
  private static final Map<ColumnType, String> PG_TYPE =
      Map.of(
          ColumnType.TEXT, "text",
          ColumnType.DATE, "date",
          ColumnType.TIMESTAMP, "timestamp without time zone",
          ColumnType.INT, "integer",
          ColumnType.BIGINT, "bigint",
          ColumnType.NUMERIC, "numeric",
          ColumnType.BOOLEAN, "boolean",
          ColumnType.REAL, "real",
          ColumnType.TEXT_ARRAY, "text[]");

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;

  @Test
  void tablesHaveTheCatalogColumnsInOrderWithTheirTypes() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(storeDir));
    for (OcaTable table : OcaTable.values()) {
      List<String> expected = new ArrayList<>();
      for (Column c : table.columns()) {
        expected.add(c.name() + " " + PG_TYPE.get(c.type()));
      }
      if (table == OcaTable.OCA_ADDRESSES) { // PostGIS is installed here: column 27 (docs/tables.md#oca_addresses)
        expected.add("geom public.geometry(Point,4326)");
      }
      assertEquals(
          expected,
          h.rows(
              "SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute"
                  + " WHERE attrelid = '" + table.tableName() + "'::regclass AND attnum > 0"
                  + " AND NOT attisdropped ORDER BY attnum"),
          table.tableName());
    }
    // No defaults anywhere (appearanceid comes from the staged files, stable across loads).
    assertEquals(
        List.of(),
        h.rows("SELECT table_name || '.' || column_name FROM information_schema.columns"
            + " WHERE table_schema = '" + h.schema + "' AND column_default IS NOT NULL"
            + " AND table_name LIKE 'oca\\_%' AND table_name <> 'oca_promoted_files'"));
  }

  @Test
  void keysForeignKeysAndIndexesAreThoseOfTablesMd() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(storeDir));
    assertEquals(
        List.of("oca_geocode_claims|address_key,geocoder,release",
            "oca_index|indexnumberid",
            "oca_metadata|indexnumberid", "oca_promoted_files|file_name",
            "oca_reference_releases|table_name,loaded_at"),
        h.rows("SELECT conrelid::regclass::text, string_agg(a.attname, ',' ORDER BY array_position(k.conkey, a.attnum))"
            + " FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid"
            + " AND a.attnum = ANY (k.conkey) WHERE k.contype = 'p'"
            + " AND k.connamespace = '" + h.schema + "'::regnamespace"
            + " AND k.conrelid::regclass::text LIKE 'oca%' GROUP BY 1 ORDER BY 1"));
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      String t = child.tableName();
      assertEquals(
          List.of("indexnumberid|oca_index|c"),
          h.rows("SELECT a.attname, k.confrelid::regclass::text, k.confdeltype FROM pg_constraint k"
              + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)"
              + " WHERE k.contype = 'f' AND k.conrelid = '" + t + "'::regclass"),
          t + " references oca_index ON DELETE CASCADE");
      assertEquals(
          List.of(t + "_indexnumberid_idx|CREATE INDEX " + t + "_indexnumberid_idx ON "
              + h.schema + "." + t + " USING btree (indexnumberid)"),
          h.rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '" + h.schema
              + "' AND tablename = '" + t + "' AND indexname LIKE '%indexnumberid_idx'"),
          t);
    }
    assertEquals(
        List.of(
            "oca_addresses_bbl_idx|(bbl)",
            "oca_addresses_geom_idx|(geom)",
            "oca_addresses_indexnumberid_idx|(indexnumberid)",
            "oca_addresses_natural_key_idx|(indexnumberid, oca_address_key_hash(street1, street2, city,"
                + " state, postalcode))"),
        h.rows("SELECT indexname, substring(indexdef from '\\(.*\\)') FROM pg_indexes"
            + " WHERE schemaname = '" + h.schema + "' AND tablename = 'oca_addresses' ORDER BY 1"));
    // Keys that an accepted value could make longer than a b-tree entry are hashed (V6).
    assertEquals(
        List.of("oca_geocode_cache_key_idx|CREATE UNIQUE INDEX oca_geocode_cache_key_idx ON " + h.schema
            + ".oca_geocode_cache USING btree (((md5(address_key))::uuid), geocoder, release)"),
        h.rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '" + h.schema
            + "' AND tablename = 'oca_geocode_cache'"));
    assertEquals(
        List.of(),
        h.rows("SELECT conname FROM pg_constraint WHERE conrelid = 'oca_metadata'::regclass"
            + " AND contype = 'f'"),
        "oca_metadata has no foreign key: it keeps tombstones");
    assertEquals(
        List.of("indexnumberid", "city", "state", "postalcode"),
        h.rows("SELECT attname FROM pg_attribute WHERE attrelid = 'oca_addresses_public'::regclass"
            + " AND attnum > 0 ORDER BY attnum"));
  }

  @Test
  void schemasLiveSideBySideAndNothingLandsInPublic() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    PromotionHarness alpha = PromotionHarness.freshSchema(db.dataSource(), store);
    PromotionHarness beta = PromotionHarness.freshSchema(db.dataSource(), store);

    alpha.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip")
        .fullVersion("LT-1", "a").writeTo(store));
    beta.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip")
        .fullVersion("LT-2", "b").writeTo(store));

    assertEquals(List.of("LT-1"), alpha.rows("SELECT indexnumberid FROM oca_index"));
    assertEquals(List.of("LT-2"), beta.rows("SELECT indexnumberid FROM oca_index"));
    assertEquals(
        List.of("0"),
        alpha.rows("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
            + " AND relname LIKE 'oca%'"));
    assertEquals(0, SchemaMigrator.migrate(db.dataSource(), alpha.schema), "already up to date");
  }

  @Test
  void invalidSchemaNamesAreRejectedBeforeAnySql() throws Exception {
    LocalObjectStore store = new LocalObjectStore(storeDir);
    for (String bad : List.of("public; drop", "Public", "1abc", "", "a-b", "x".repeat(64), "a\"b")) {
      assertThrows(IllegalArgumentException.class, () -> SchemaMigrator.migrate(db.dataSource(), bad), bad);
      assertThrows(
          IllegalArgumentException.class,
          () -> new PromotionTransaction(db.dataSource(), bad, store),
          bad);
      assertThrows(IllegalArgumentException.class, () -> new PromotedFiles(db.dataSource(), bad), bad);
    }
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    assertTrue(
        h.rows("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'public;%'").isEmpty());
  }
}
