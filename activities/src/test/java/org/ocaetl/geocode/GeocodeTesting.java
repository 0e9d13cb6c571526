package org.ocaetl.geocode;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.RetryPolicy;
import org.ocaetl.geocode.http.Sleeper;
import org.ocaetl.geocode.service.CensusBatchGeocoder;
import org.ocaetl.geocode.service.GeoSearchGeocoder;
import org.ocaetl.geocode.service.GeoclientGeocoder;
import org.ocaetl.geocodingstub.GeocodingStub;

/** Shared set-up of the geocoding tests: clients of the stub with short timeouts and fast retries. */
public final class GeocodeTesting {
  /** Request timeout of the tests: a "slow" stub answer takes longer. */
  public static final Duration TIMEOUT = Duration.ofMillis(400);
  public static final Duration SLOW = Duration.ofMillis(1_500);
  public static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30));
  public static final HttpCaller.Limits LIMITS = new HttpCaller.Limits(1_000_000, 8, TIMEOUT, RETRY);
  /**
   * For tests that count requests per address: on a busy machine a retry after the short {@link
   * #TIMEOUT} would ask about an address twice.
   */
  public static final HttpCaller.Limits PATIENT = new HttpCaller.Limits(1_000_000, 8, Duration.ofSeconds(30), RETRY);

  private GeocodeTesting() {}

  /** Records the waits it is asked for instead of sleeping (backoff and Retry-After stay observable). */
  public static final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }

    public Duration longest() {
      synchronized (waits) {
        return waits.stream().max(Duration::compareTo).orElse(Duration.ZERO);
      }
    }
  }

  /** The settings that point every service at {@code stub}, with the test limits. */
  public static GeocodingSettings settings(GeocodingStub stub) {
    return GeocodingSettings.fromEnvironment(stub.environment()).withLimits(limits -> LIMITS);
  }

  public static GeoclientGeocoder geoclient(GeocodingStub stub, HttpClient client, Sleeper sleeper) {
    return geoclient(stub, client, sleeper, LIMITS);
  }

  public static GeoclientGeocoder geoclient(GeocodingStub stub, HttpClient client, Sleeper sleeper,
      HttpCaller.Limits limits) {
    HttpCaller caller = new HttpCaller("geoclient", client, limits, sleeper, Clock.systemUTC());
    return new GeoclientGeocoder(caller, stub.geoclientUrl(), GeocodingStub.KEY, "v2");
  }

  public static GeoSearchGeocoder geosearch(GeocodingStub stub, HttpClient client, Sleeper sleeper) {
    return new GeoSearchGeocoder(caller("geosearch", client, sleeper), stub.geosearchUrl(), "v2");
  }

  public static CensusBatchGeocoder census(GeocodingStub stub, HttpClient client, Sleeper sleeper, int chunk) {
    return new CensusBatchGeocoder(caller("census", client, sleeper), stub.censusUrl(), "Public_AR_Current", chunk);
  }

  public static HttpCaller caller(String service, HttpClient client, Sleeper sleeper) {
    return new HttpCaller(service, client, LIMITS, sleeper, Clock.systemUTC());
  }

  /** A run with a long budget and a breaker that opens after {@code threshold} failed calls. */
  public static GeocodeRun run(int threshold) {
    return new GeocodeRun(Duration.ofMinutes(10), threshold);
  }

  /** A prepared NYC (or other) address. */
  public static PreparedAddress address(String street1, String city, String zip) {
    return AddressPreparer.standard().prepare(street1, city, "NY", zip).orElseThrow();
  }
}
