package org.ocaetl.geocode.api;

import java.util.List;

/**
 * A geocoding service, or a composition of them ({@code geocode.CachedGeocoder}, {@code geocode.GeocoderChain}).
 * Implementations answer every address: a transport problem is an {@code UNAVAILABLE} result, never
 * an exception, so one bad address or a service outage never fails the file being processed.
 */
public interface Geocoder {

  /** Name recorded with each result and in the cache, e.g. {@code geoclient}. */
  String name();

  /** The data release recorded with each result and in the cache key, e.g. {@code v2}. */
  String release();

  /**
   * Geocodes {@code addresses} (distinct keys) within {@code run}'s limits.
   *
   * @return one result per address, in the same order
   * @throws InterruptedException when the calling activity is cancelled
   */
  List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run) throws InterruptedException;
}
