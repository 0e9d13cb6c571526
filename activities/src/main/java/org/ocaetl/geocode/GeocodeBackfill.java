package org.ocaetl.geocode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;

/**
 * The geocode backfill over {@code oca_addresses} in place: pages of cases in indexnumberid order
 * whose address rows have no coordinates; their distinct addresses are geocoded (through the
 * cache) and each answer written back to the rows of its natural key, null-safely on all six
 * columns and only where the row still has no coordinates. Rows left UNAVAILABLE are not written.
 * No transaction is held while the services are called.
 */
public final class GeocodeBackfill {
  private final DataSource database;
  private final SqlIdentifier schema;
  private final Geocoder geocoder;
  private final AddressPreparer preparer;

  /**
   * What one page did.
   *
   * @param lastIndexNumberId the page's last case id (the next page's cursor); null when there
   *     was no row left after the cursor
   * @param rows address rows without coordinates in the page
   * @param rowsGeocoded rows that got coordinates
   * @param rowsMissed rows the geocoders could not place (their status and messages written)
   * @param rowsLeft rows left without an answer
   */
  public record Page(String lastIndexNumberId, int rows, int rowsGeocoded, int rowsMissed, int rowsLeft) {}

  /** The six columns of the address natural key. */
  private record NaturalKey(String indexnumberid, String street1, String street2, String city, String state,
      String postalcode) {
    @Override
    public String toString() {
      return "NaturalKey[" + indexnumberid + "]"; // never the address (docs/processing-rules.md#rule-15)
    }
  }

  public GeocodeBackfill(DataSource database, String schema, Geocoder geocoder, AddressPreparer preparer) {
    this.database = database;
    this.schema = SqlIdentifier.of(schema);
    this.geocoder = geocoder;
    this.preparer = preparer;
  }

  /**
   * Geocodes the address rows without coordinates of at most {@code cases} cases after {@code
   * afterIndexNumberId} ({@code ""} for the first page).
   */
  public Page geocodePage(String afterIndexNumberId, int cases, GeocodeRun run) throws InterruptedException {
    List<NaturalKey> rows = readPage(afterIndexNumberId, cases);
    if (rows.isEmpty()) {
      return new Page(null, 0, 0, 0, 0);
    }
    Set<NaturalKey> distinctRows = new LinkedHashSet<>(rows);
    Map<NaturalKey, String> keyOfRow = new LinkedHashMap<>();
    Map<String, PreparedAddress> addresses = new LinkedHashMap<>();
    for (NaturalKey row : distinctRows) {
      Optional<PreparedAddress> address = preparer.prepare(row.street1(), row.city(), row.state(), row.postalcode());
      address.ifPresent(a -> {
        keyOfRow.put(row, a.key());
        addresses.putIfAbsent(a.key(), a);
      });
    }
    List<PreparedAddress> distinct = List.copyOf(addresses.values());
    List<GeocodeResult> answers = distinct.isEmpty() ? List.of() : geocoder.geocode(distinct, run);
    Map<String, GeocodeResult> byKey = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      byKey.put(distinct.get(i).key(), answers.get(i));
    }
    int geocoded = 0;
    int missed = 0;
    int left = 0;
    Map<NaturalKey, GeocodeResult> updates = new LinkedHashMap<>();
    for (NaturalKey row : rows) {
      GeocodeResult result = keyOfRow.containsKey(row) ? byKey.get(keyOfRow.get(row)) : null;
      if (result == null) {
        continue;
      }
      switch (result.outcome()) {
        case FOUND -> geocoded++;
        case NOT_FOUND -> missed++;
        case UNAVAILABLE -> left++;
        case DECLINED -> { }
      }
      if (result.definitive()) {
        updates.put(row, result);
      }
    }
    write(updates);
    return new Page(rows.getLast().indexnumberid(), rows.size(), geocoded, missed, left);
  }

  private List<NaturalKey> readPage(String afterIndexNumberId, int cases) {
    try (Connection c = SchemaSession.begin(database, schema);
        PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/geocode/backfill_page.sql").render())) {
      ps.setString(1, afterIndexNumberId);
      ps.setInt(2, cases);
      List<NaturalKey> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new NaturalKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6)));
        }
      }
      c.commit();
      return rows;
    } catch (SQLException e) {
      throw new GeocodeCacheException("Reading a backfill page", e);
    }
  }

  private void write(Map<NaturalKey, GeocodeResult> updates) {
    if (updates.isEmpty()) {
      return;
    }
    int keyParameter = GeocodeColumns.NAMES.size() + 1;
    try (Connection c = SchemaSession.begin(database, schema);
        PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/geocode/backfill_update.sql").render())) {
      for (Map.Entry<NaturalKey, GeocodeResult> update : updates.entrySet()) {
        GeocodeCache.bindColumns(ps, 1, update.getValue().columns());
        NaturalKey key = update.getKey();
        List<String> values = Arrays.asList(key.indexnumberid(), key.street1(), key.street2(), key.city(),
            key.state(), key.postalcode());
        for (int i = 0; i < values.size(); i++) {
          ps.setString(keyParameter + i, values.get(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException e) {
      throw new GeocodeCacheException("Writing backfilled geocodes", e);
    }
  }
}
