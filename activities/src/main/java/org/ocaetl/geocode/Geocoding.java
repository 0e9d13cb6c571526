package org.ocaetl.geocode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.Sleeper;
import org.ocaetl.geocode.service.CensusBatchGeocoder;
import org.ocaetl.geocode.service.GeoSearchGeocoder;
import org.ocaetl.geocode.service.GeoclientGeocoder;

/**
 * The geocoding of one worker process: the chosen services, each behind the cache, in a chain,
 * built once so that their rate limits, and the lookups in flight that concurrent callers share
 * ({@link CachedGeocoder}), are shared by every file and backfill slice this worker runs at the
 * same time. Closing it closes the HTTP client.
 */
public final class Geocoding implements AutoCloseable {
  private final String choice;
  private final Geocoder geocoder;
  private final GeocodingSettings settings;
  private final HttpClient client;

  private Geocoding(String choice, Geocoder geocoder, GeocodingSettings settings, HttpClient client) {
    this.choice = choice;
    this.geocoder = geocoder;
    this.settings = settings;
    this.client = client;
  }

  /** Geocodes nothing ({@code --geocoder none}). */
  public static Geocoding none() {
    return new Geocoding(NoGeocoder.NAME, new NoGeocoder(), GeocodingSettings.fromEnvironment(java.util.Map.of()), null);
  }

  /**
   * The services {@code choice} names ({@link GeocodingSettings#servicesFor}), cached in {@code
   * oca_geocode_cache} of {@code schema}.
   */
  public static Geocoding create(GeocodingSettings settings, String choice, DataSource database, String schema) {
    return create(settings, choice, database, schema, Sleeper.REAL);
  }

  /** As {@link #create(GeocodingSettings, String, DataSource, String)}, waiting through {@code sleeper} (tests). */
  public static Geocoding create(
      GeocodingSettings settings, String choice, DataSource database, String schema, Sleeper sleeper) {
    List<String> services = settings.servicesFor(choice);
    if (services.isEmpty()) {
      return new Geocoding(NoGeocoder.NAME, new NoGeocoder(), settings, null);
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    GeocodeCache cache = new GeocodeCache(database, schema);
    GeocodeClaims claims = new GeocodeClaims(database, schema);
    List<Geocoder> links = new ArrayList<>();
    for (String service : services) {
      links.add(new CachedGeocoder(service(service, settings, client, sleeper), cache, claims));
    }
    return new Geocoding(choice, new GeocoderChain(links), settings, client);
  }

  private static Geocoder service(String name, GeocodingSettings s, HttpClient client, Sleeper sleeper) {
    return switch (name) {
      case GeoclientGeocoder.NAME -> new GeoclientGeocoder(
          caller(name, client, s.geoclient(), sleeper), s.geoclient().url(), s.geoclientKey(), s.geoclient().release());
      case GeoSearchGeocoder.NAME -> new GeoSearchGeocoder(
          caller(name, client, s.geosearch(), sleeper), s.geosearch().url(), s.geosearch().release());
      case CensusBatchGeocoder.NAME -> new CensusBatchGeocoder(
          caller(name, client, s.census(), sleeper), s.census().url(), s.census().release(), s.censusChunkRows());
      default -> throw new IllegalArgumentException("Unknown geocoding service " + name);
    };
  }

  private static HttpCaller caller(String name, HttpClient client, GeocodingSettings.Service service, Sleeper sleeper) {
    return new HttpCaller(name, client, service.limits(), sleeper, Clock.systemUTC());
  }

  /** {@code none}, or the services that answer, e.g. {@code geoclient+census}. */
  public String name() {
    return geocoder.name();
  }

  /** What {@code --geocoder} asked for. */
  public String choice() {
    return choice;
  }

  public boolean enabled() {
    return !(geocoder instanceof NoGeocoder);
  }

  public Geocoder geocoder() {
    return geocoder;
  }

  /** A run with the configured budget, or {@code limit} when that is shorter. */
  public GeocodeRun newRun(Duration limit) {
    Duration budget = limit.compareTo(settings.budget()) < 0 ? limit : settings.budget();
    return new GeocodeRun(budget, settings.breakerThreshold());
  }

  /** Geocodes a staged {@code oca_addresses.csv} in place (see {@link AddressCsvGeocoder}). */
  public AddressCsvGeocoder.Report geocodeCsv(Path csv, GeocodeRun run, Consumer<AddressCsvGeocoder.Report> progress)
      throws IOException, InterruptedException {
    return new AddressCsvGeocoder(geocoder, AddressPreparer.standard(), settings.batchRows()).rewrite(csv, run, progress);
  }

  /** The backfill over {@code oca_addresses} of {@code schema}. */
  public GeocodeBackfill backfill(DataSource database, String schema) {
    return new GeocodeBackfill(database, schema, geocoder, AddressPreparer.standard());
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
