package org.ocaetl.geocode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A geocoder behind the cache: cached addresses are answered from {@code oca_geocode_cache}, the
 * others are sent to the service and its definitive answers stored, so a retry, a replay or the
 * next file never asks a metered service twice about the same address (rule 14).
 */
public final class CachedGeocoder implements Geocoder {
  private final Geocoder service;
  private final GeocodeCache cache;

  public CachedGeocoder(Geocoder service, GeocodeCache cache) {
    this.service = service;
    this.cache = cache;
  }

  @Override
  public String name() {
    return service.name();
  }

  @Override
  public String release() {
    return service.release();
  }

  @Override
  public List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run) throws InterruptedException {
    List<String> keys = addresses.stream().map(PreparedAddress::key).toList();
    Map<String, GeocodeResult> cached = cache.lookup(name(), release(), keys);
    run.countCacheHits(cached.size());
    List<PreparedAddress> misses = new ArrayList<>(addresses.size() - cached.size());
    for (PreparedAddress address : addresses) {
      if (!cached.containsKey(address.key())) {
        misses.add(address);
      }
    }
    List<GeocodeResult> fresh = misses.isEmpty() ? List.of() : service.geocode(misses, run);
    cache.store(misses.stream().map(PreparedAddress::key).toList(), fresh);
    List<GeocodeResult> results = new ArrayList<>(addresses.size());
    int next = 0;
    for (PreparedAddress address : addresses) {
      GeocodeResult hit = cached.get(address.key());
      results.add(hit != null ? hit : fresh.get(next++));
    }
    return results;
  }
}
