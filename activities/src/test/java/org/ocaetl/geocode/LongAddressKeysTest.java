package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.SqlResource;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.model.Column;
import org.ocaetl.parse.LimitCases;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresTestDatabase;

/**
 * The address keys of V6 (docs/processing-rules.md#rule-8 meets docs/processing-rules.md#rule-14): an address whose every part is at its column
 * limit is far beyond what a b-tree entry holds, yet the geocode cache stores and finds it, and
 * the backfill writes its geocode back, both through their hashed indexes.
 */
class LongAddressKeysTest {
  private static final GeocodeColumns FOUND =
      new GeocodeColumns(GeocodeColumns.SUCCESS, "1", "MAIN ST", "1", null, null, null, null,
          40.7, null, "1000010001", null, null, null, null, null, null, null, -74.0, "10001");

  static PostgresTestDatabase db;
  @TempDir Path dir;
  PromotionHarness h;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = PostgresTestDatabase.create(LongAddressKeysTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void freshSchema() throws Exception {
    h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir));
  }

  @Test
  void theCacheStoresAndFindsAnAddressKeyOfAnySize() throws Exception {
    GeocodeCache cache = new GeocodeCache(db.dataSource(), h.schema);
    List<String> keys = new ArrayList<>();
    List<GeocodeResult> results = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add(i == 0 ? LimitCases.worst(5 * Column.ADDRESS_LENGTH, 1) : i + "|MAIN ST|1|10001||");
      results.add(GeocodeResult.answered(FOUND, "geoclient", "v2"));
    }
    cache.store(keys, results);
    cache.store(keys.subList(0, 1), results.subList(0, 1)); // a second worker's answer: ignored

    Map<String, GeocodeResult> found =
        cache.lookup("geoclient", "v2", List.of(keys.get(0), keys.get(1), "2|OTHER ST|1|10001||"));
    assertEquals(2, found.size());
    assertEquals(FOUND, found.get(keys.get(0)).columns());
    assertTrue(cache.lookup("geoclient", "v3", keys.subList(0, 1)).isEmpty(), "another release");

    try (Connection c = h.connection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO oca_geocode_cache (address_key, geocoder, release, found, geocoded_at)"
          + " SELECT g || '|BROADWAY|1|10001||', 'geoclient', 'v2', false, now()"
          + " FROM generate_series(1, 20000) g");
    }
    // Not analyzed, like a cache still filling: the lookup must probe the index all the same.
    String plan = explain(SqlResource.of("sql/geocode/cache_lookup.sql").render(), ps -> {
      ps.setString(1, "geoclient");
      ps.setString(2, "v2");
      ps.setArray(3, ps.getConnection().createArrayOf("text", new Object[] {keys.get(5)}));
    });
    assertTrue(plan.contains("oca_geocode_cache_key_idx"), plan);
  }

  @Test
  void anAddressKeyLongerThanAClaimCanHoldIsAskedUnclaimedAndShortOnesAreClaimedAsUsual() throws Exception {
    String longest = LimitCases.worst(5 * Column.ADDRESS_LENGTH, 1);
    GeocodeClaims first = new GeocodeClaims(db.dataSource(), h.schema);
    GeocodeClaims second = new GeocodeClaims(db.dataSource(), h.schema);
    try (GeocodeClaims.Held held = first.claim("geoclient", "v2", List.of(longest, "1|MAIN ST|1|10001||"))) {
      assertEquals(java.util.Set.of(longest, "1|MAIN ST|1|10001||"), held.keys());
      try (GeocodeClaims.Held other = second.claim("geoclient", "v2", List.of(longest, "1|MAIN ST|1|10001||"))) {
        assertEquals(java.util.Set.of(longest), other.keys(), "the short one is held by the first worker");
      }
    }
    try (GeocodeClaims.Held after = second.claim("geoclient", "v2", List.of("1|MAIN ST|1|10001||"))) {
      assertEquals(java.util.Set.of("1|MAIN ST|1|10001||"), after.keys(), "released by the first worker");
    }
  }

  @Test
  void theBackfillWritesBackTheRowsOfALongNaturalKeyThroughItsIndex() throws Exception {
    String street = LimitCases.worst(Column.ADDRESS_LENGTH, 2);
    try (Connection c = h.connection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO oca_index (indexnumberid) VALUES ('LT-1')");
      // Many addresses of one case, so that only the natural key index finds one quickly.
      st.execute("INSERT INTO oca_addresses (indexnumberid, street1, city)"
          + " SELECT 'LT-1', g || ' Main St', 'Bronx' FROM generate_series(1, 2000) g");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO oca_addresses (indexnumberid, street1, street2, city, state, postalcode)"
              + " VALUES ('LT-1', ?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= 5; i++) {
          ps.setString(i, street);
        }
        ps.execute();
      }
    }
    analyze("oca_addresses");
    String sql = SqlResource.of("sql/geocode/backfill_update.sql").render();
    String plan = explain(sql, ps -> bindUpdate(ps, street));
    assertTrue(plan.contains("oca_addresses_natural_key_idx"), plan);
    assertTrue(
        plan.lines().anyMatch(line -> line.contains("Index Cond") && line.contains("md5")),
        "the hash is an index condition: " + plan);

    try (Connection c = h.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bindUpdate(ps, street);
      assertEquals(1, ps.executeUpdate());
    }
    assertEquals(
        List.of("1|1000010001"),
        h.rows("SELECT count(*), min(bbl) FROM oca_addresses WHERE bbl IS NOT NULL"));
  }

  private static void bindUpdate(PreparedStatement ps, String street) throws Exception {
    GeocodeCache.bindColumns(ps, 1, FOUND);
    int key = GeocodeColumns.NAMES.size() + 1;
    ps.setString(key, "LT-1");
    for (int i = 1; i <= 5; i++) {
      ps.setString(key + i, street);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws Exception;
  }

  private String explain(String sql, Binder binder) throws Exception {
    try (Connection c = h.connection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      binder.bind(ps);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private void analyze(String table) throws Exception {
    try (Connection c = h.connection(); Statement st = c.createStatement()) {
      st.execute("ANALYZE " + table);
    }
  }
}
