package org.ocaetl.geocode;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;

/**
 * The {@code oca_geocode_cache} table (V4 migration): definitive answers by normalized address,
 * geocoder and release. One short transaction per batch lookup or store.
 */
public final class GeocodeCache {
  private static final int FIRST_RESULT_COLUMN = 3;

  private final DataSource database;
  private final SqlIdentifier schema;

  public GeocodeCache(DataSource database, String schema) {
    this.database = database;
    this.schema = SqlIdentifier.of(schema);
  }

  /** The cached answers of {@code geocoder}/{@code release} among {@code keys}, by key. */
  public Map<String, GeocodeResult> lookup(String geocoder, String release, List<String> keys) {
    Map<String, GeocodeResult> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    try (Connection c = SchemaSession.begin(database, schema);
        PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/geocode/cache_lookup.sql").render())) {
      Array array = c.createArrayOf("text", keys.toArray());
      ps.setString(1, geocoder);
      ps.setString(2, release);
      ps.setArray(3, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] values = new String[GeocodeColumns.NAMES.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = rs.getString(FIRST_RESULT_COLUMN + i);
          }
          GeocodeColumns columns = GeocodeColumns.fromValues(values);
          found.put(rs.getString(1), rs.getBoolean(2) && columns.hasCoordinates()
              ? new GeocodeResult(GeocodeResult.Outcome.FOUND, columns, geocoder, release)
              : new GeocodeResult(GeocodeResult.Outcome.NOT_FOUND, columns.hasCoordinates() ? columns.asMiss() : columns,
                  geocoder, release));
        }
      }
      c.commit();
      return found;
    } catch (SQLException e) {
      throw new GeocodeCacheException("Geocode cache lookup", e);
    }
  }

  /** Stores the definitive results; others are ignored. {@code keys} and {@code results} align. */
  public void store(List<String> keys, List<GeocodeResult> results) {
    if (results.stream().noneMatch(GeocodeResult::definitive)) {
      return;
    }
    try (Connection c = SchemaSession.begin(database, schema);
        PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/geocode/cache_store.sql").render())) {
      for (int i = 0; i < results.size(); i++) {
        GeocodeResult result = results.get(i);
        if (!result.definitive()) {
          continue;
        }
        ps.setString(1, keys.get(i));
        ps.setString(2, result.geocoder());
        ps.setString(3, result.release());
        ps.setBoolean(4, result.found());
        bindColumns(ps, 5, result.columns());
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException e) {
      throw new GeocodeCacheException("Geocode cache store", e);
    }
  }

  /** Binds the twenty columns from parameter {@code first} on; lat/lon as numbers. */
  static void bindColumns(PreparedStatement ps, int first, GeocodeColumns columns) throws SQLException {
    String[] values = columns.csvValues();
    for (int i = 0; i < values.length; i++) {
      String name = GeocodeColumns.NAMES.get(i);
      if (name.equals("lat") || name.equals("lon")) {
        Double number = name.equals("lat") ? columns.lat() : columns.lon();
        if (number == null) {
          ps.setNull(first + i, Types.DOUBLE);
        } else {
          ps.setDouble(first + i, number);
        }
      } else {
        ps.setString(first + i, values[i]);
      }
    }
  }
}
