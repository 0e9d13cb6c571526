package org.ocaetl.geocode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code oca_geocode_claims} table (V7 migration) of one worker: before asking a service about
 * addresses the cache does not hold, the worker claims them, so that another worker wanting the
 * same addresses meanwhile waits for the answers in the cache instead of asking too. A claim lasts
 * {@code duration}, is renewed while its lookup runs and is released when the lookup ends, however
 * it ends; the claim of a worker that died expires and another worker then asks.
 */
public final class GeocodeClaims {
  /** How long a claim lasts unless renewed: how long a worker that died blocks an address. */
  public static final Duration DURATION = Duration.ofMinutes(2);
  /** How often a worker waiting for another worker's answer looks at the cache. */
  public static final Duration POLL = Duration.ofSeconds(1);

  /**
   * Longer keys are not claimed, only asked: the claims' primary key is a b-tree entry (at most
   * 2704 bytes), and an address whose parts are near their limits (docs/column-limits.md) is longer.
   * Such rare addresses may be asked by two workers at once; nothing else changes.
   */
  static final int MAX_KEY_BYTES = 2000;

  private static final Logger log = LoggerFactory.getLogger(GeocodeClaims.class);

  private final DataSource database;
  private final SqlIdentifier schema;
  private final Duration duration;
  private final Duration poll;
  private final String owner = UUID.randomUUID().toString();

  public GeocodeClaims(DataSource database, String schema) {
    this(database, schema, DURATION, POLL);
  }

  /** Claims lasting {@code duration}, waited for every {@code poll} (tests use short ones). */
  public GeocodeClaims(DataSource database, String schema, Duration duration, Duration poll) {
    if (duration.toMillis() < 4 || poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("claim duration and poll interval must be positive");
    }
    this.database = database;
    this.schema = SqlIdentifier.of(schema);
    this.duration = duration;
    this.poll = poll;
  }

  /** How long to wait before looking again for an answer another worker is getting. */
  public Duration pollInterval() {
    return poll;
  }

  /**
   * Claims those of {@code keys} that no other worker holds. The claims are renewed in the
   * background until the returned {@link Held} is closed, which releases them.
   */
  public Held claim(String geocoder, String release, Collection<String> keys) {
    Set<String> claimed = new HashSet<>();
    List<String> claimable = new ArrayList<>();
    for (String key : keys) {
      (key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES ? claimable : claimed).add(key);
    }
    keys = claimable;
    if (!keys.isEmpty()) {
      try (Connection c = SchemaSession.begin(database, schema);
          PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/geocode/claim.sql").render())) {
        ps.setString(1, geocoder);
        ps.setString(2, release);
        ps.setString(3, owner);
        ps.setLong(4, duration.toMillis());
        ps.setArray(5, c.createArrayOf("text", keys.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            claimed.add(rs.getString(1));
          }
        }
        c.commit();
      } catch (SQLException e) {
        throw new GeocodeCacheException("Claiming geocode lookups", e);
      }
    }
    return new Held(geocoder, release, Set.copyOf(claimed));
  }

  /** Claims of one lookup: renewed while it runs, released by {@link #close()}. */
  public final class Held implements AutoCloseable {
    private final String geocoder;
    private final String release;
    private final Set<String> keys;
    private final Thread renewer;

    private Held(String geocoder, String release, Set<String> keys) {
      this.geocoder = geocoder;
      this.release = release;
      this.keys = keys;
      this.renewer = keys.isEmpty() ? null : Thread.ofVirtual().name("geocode-claims-renewer").start(this::renew);
    }

    /** The keys claimed (the others are held by another worker). */
    public Set<String> keys() {
      return keys;
    }

    /** Renews every quarter of the duration, so a claim outlives a slow renewal or two. */
    private void renew() {
      Duration every = duration.dividedBy(4);
      while (true) {
        try {
          Thread.sleep(every);
        } catch (InterruptedException e) {
          return;
        }
        try {
          update("sql/geocode/claim_renew.sql", true);
        } catch (SQLException e) {
          if (Thread.currentThread().isInterrupted()) {
            return; // closed meanwhile: the interrupt closed the connection of a virtual thread
          }
          // The claims may lapse: at worst another worker asks about the same addresses too.
          log.warn("Renewing {} geocode claims failed: SQLState {}", keys.size(), e.getSQLState());
        }
      }
    }

    /** Stops renewing and releases the claims; if that fails they expire. */
    @Override
    public void close() {
      if (renewer == null) {
        return;
      }
      renewer.interrupt();
      try {
        update("sql/geocode/claim_release.sql", false);
      } catch (SQLException e) {
        log.warn("Releasing {} geocode claims failed (they expire within {}): SQLState {}", keys.size(), duration,
            e.getSQLState());
      }
    }

    private void update(String sql, boolean withDuration) throws SQLException {
      try (Connection c = SchemaSession.begin(database, schema);
          PreparedStatement ps = c.prepareStatement(SqlResource.of(sql).render())) {
        ps.setString(1, geocoder);
        ps.setString(2, release);
        ps.setString(3, owner);
        ps.setArray(4, c.createArrayOf("text", keys.toArray()));
        if (withDuration) {
          ps.setLong(5, duration.toMillis());
        }
        ps.executeUpdate();
        c.commit();
      }
    }
  }
}
