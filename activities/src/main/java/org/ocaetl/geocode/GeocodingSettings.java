package org.ocaetl.geocode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.RetryPolicy;
import org.ocaetl.geocode.service.CensusBatchGeocoder;
import org.ocaetl.geocode.service.GeoSearchGeocoder;
import org.ocaetl.geocode.service.GeoclientGeocoder;

/**
 * Where the geocoding services are and how hard this worker may call them, from the environment
 * (docs/geocoding.md lists every variable). Part of the worker's configuration, never of a
 * workflow's input: no URL, key or limit enters a Temporal history. {@link #toString()} hides the
 * key.
 *
 * @param geoclient NYC Geoclient v2; configured when {@code OCA_GEOCLIENT_KEY} is set
 * @param geoclientKey the subscription key, or null
 * @param geosearch NYC GeoSearch v2; configured when {@code OCA_GEOSEARCH_URL} is set
 * @param census the Census batch geocoder; configured when {@code OCA_CENSUS_URL} is set
 * @param censusChunkRows addresses per Census request (at most 10,000)
 * @param breakerThreshold failed calls in a row that stop a service for the rest of a run
 * @param batchRows rows of a staged file geocoded together (memory holds one batch)
 * @param budget longest time the geocode step of one file may spend (the rest waits for the backfill)
 */
public record GeocodingSettings(
    Service geoclient,
    String geoclientKey,
    Service geosearch,
    Service census,
    int censusChunkRows,
    int breakerThreshold,
    int batchRows,
    Duration budget) {

  /** The {@code --geocoder} values. */
  public static final List<String> CHOICES =
      List.of(NoGeocoder.NAME, GeoclientGeocoder.NAME, GeoSearchGeocoder.NAME, CensusBatchGeocoder.NAME, "chain");

  static final String GEOCLIENT_URL = "https://api.nyc.gov/geoclient/v2";
  static final String GEOSEARCH_URL = "https://geosearch.planninglabs.nyc/v2";
  static final String CENSUS_URL = "https://geocoding.geo.census.gov/geocoder";

  /**
   * One service.
   *
   * @param url base URL
   * @param release data release recorded with its answers and part of the cache key
   * @param configured the operator set it up (it then belongs to the default chain)
   * @param limits rate, concurrency, timeout and retries of this worker's calls
   */
  public record Service(URI url, String release, boolean configured, HttpCaller.Limits limits) {}

  public GeocodingSettings {
    if (censusChunkRows < 1 || censusChunkRows > CensusBatchGeocoder.MAX_ROWS) {
      throw new IllegalArgumentException("OCA_CENSUS_CHUNK must be 1.." + CensusBatchGeocoder.MAX_ROWS);
    }
    if (batchRows < 1 || breakerThreshold < 1 || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("geocoding batch, breaker threshold and budget must be positive");
    }
  }

  /** The settings from environment variables (unset ones take their defaults). */
  public static GeocodingSettings fromEnvironment(Map<String, String> env) {
    Env e = new Env(env);
    RetryPolicy retry = RetryPolicy.defaults();
    String key = e.text("OCA_GEOCLIENT_KEY", null);
    return new GeocodingSettings(
        new Service(
            e.url("OCA_GEOCLIENT_URL", GEOCLIENT_URL),
            e.text("OCA_GEOCLIENT_RELEASE", "v2"),
            key != null,
            new HttpCaller.Limits(e.number("OCA_GEOCLIENT_RATE", 2_500), e.number("OCA_GEOCLIENT_CONCURRENCY", 8),
                Duration.ofSeconds(20), retry)),
        key,
        new Service(
            e.url("OCA_GEOSEARCH_URL", GEOSEARCH_URL),
            e.text("OCA_GEOSEARCH_RELEASE", "v2"),
            env.get("OCA_GEOSEARCH_URL") != null && !env.get("OCA_GEOSEARCH_URL").isBlank(),
            new HttpCaller.Limits(e.number("OCA_GEOSEARCH_RATE", 600), e.number("OCA_GEOSEARCH_CONCURRENCY", 4),
                Duration.ofSeconds(20), retry)),
        new Service(
            e.url("OCA_CENSUS_URL", CENSUS_URL),
            e.text("OCA_CENSUS_BENCHMARK", "Public_AR_Current"),
            env.get("OCA_CENSUS_URL") != null && !env.get("OCA_CENSUS_URL").isBlank(),
            new HttpCaller.Limits(e.number("OCA_CENSUS_RATE", 60), e.number("OCA_CENSUS_CONCURRENCY", 2),
                Duration.ofMinutes(10), retry)),
        e.number("OCA_CENSUS_CHUNK", 1_000),
        5,
        2_000,
        Duration.ofMinutes(e.number("OCA_GEOCODE_BUDGET_MINUTES", 90)));
  }

  /** {@code chain} when a service is configured, {@code none} otherwise. */
  public String defaultGeocoder() {
    return configuredServices().isEmpty() ? NoGeocoder.NAME : "chain";
  }

  /**
   * The services, in chain order, that {@code --geocoder choice} uses: none for {@code none}, one
   * for a service name (its public default URL when no URL is configured; Geoclient needs its key),
   * the configured ones for {@code chain}.
   *
   * @throws IllegalArgumentException for an unknown choice or one that cannot work
   */
  public List<String> servicesFor(String choice) {
    return switch (choice) {
      case NoGeocoder.NAME -> List.of();
      case GeoclientGeocoder.NAME -> {
        if (geoclientKey == null) {
          throw new IllegalArgumentException("--geocoder geoclient needs OCA_GEOCLIENT_KEY");
        }
        yield List.of(GeoclientGeocoder.NAME);
      }
      case GeoSearchGeocoder.NAME, CensusBatchGeocoder.NAME -> List.of(choice);
      case "chain" -> {
        List<String> configured = configuredServices();
        if (configured.isEmpty()) {
          throw new IllegalArgumentException(
              "--geocoder chain needs OCA_GEOCLIENT_KEY, OCA_GEOSEARCH_URL or OCA_CENSUS_URL");
        }
        yield configured;
      }
      default -> throw new IllegalArgumentException(
          "Unknown geocoder '" + choice + "' (available: " + String.join(", ", CHOICES) + ")");
    };
  }

  /** The same settings with every service's limits changed (tests, the benchmark). */
  public GeocodingSettings withLimits(UnaryOperator<HttpCaller.Limits> change) {
    return new GeocodingSettings(
        with(geoclient, change), geoclientKey, with(geosearch, change), with(census, change), censusChunkRows,
        breakerThreshold, batchRows, budget);
  }

  public GeocodingSettings withBatchRows(int rows) {
    return new GeocodingSettings(geoclient, geoclientKey, geosearch, census, censusChunkRows, breakerThreshold, rows,
        budget);
  }

  public GeocodingSettings withBreakerThreshold(int failures) {
    return new GeocodingSettings(geoclient, geoclientKey, geosearch, census, censusChunkRows, failures, batchRows,
        budget);
  }

  private List<String> configuredServices() {
    List<String> services = new ArrayList<>();
    if (geoclient.configured()) {
      services.add(GeoclientGeocoder.NAME);
    }
    if (geosearch.configured()) {
      services.add(GeoSearchGeocoder.NAME);
    }
    if (census.configured()) {
      services.add(CensusBatchGeocoder.NAME);
    }
    return services;
  }

  private static Service with(Service service, UnaryOperator<HttpCaller.Limits> change) {
    return new Service(service.url(), service.release(), service.configured(), change.apply(service.limits()));
  }

  @Override
  public String toString() {
    return "GeocodingSettings[geoclient=" + geoclient.url() + " (key " + (geoclientKey == null ? "unset" : "set")
        + ", " + geoclient.limits().perMinute() + "/min), geosearch=" + geosearch.url() + ", census=" + census.url()
        + ", censusChunkRows=" + censusChunkRows + ", budget=" + budget + "]";
  }

  /** Typed environment lookups; a malformed value names the variable, never echoes a secret. */
  private record Env(Map<String, String> env) {
    String text(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    int number(String name, int fallback) {
      String value = text(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        int number = Integer.parseInt(value);
        if (number < 1) {
          throw new NumberFormatException();
        }
        return number;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a positive whole number");
      }
    }

    URI url(String name, String fallback) {
      String value = text(name, fallback);
      try {
        URI uri = URI.create(value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw new IllegalArgumentException();
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " must be an http(s) URL");
      }
    }
  }
}
