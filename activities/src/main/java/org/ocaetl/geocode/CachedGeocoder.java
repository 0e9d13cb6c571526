package org.ocaetl.geocode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;

/**
 * A geocoder behind the cache: cached addresses are answered from {@code oca_geocode_cache}, the
 * others are sent to the service and its definitive answers stored, so a retry, a replay or the
 * next file never asks a metered service twice about the same address (docs/processing-rules.md#rule-14).
 *
 * <p>Concurrent lookups of one address are coalesced, so that files staged in parallel ask about
 * each address once too: within the worker, a caller waits for the answer of a lookup of the same
 * address already in flight ({@link InFlightLookups}); across workers, the addresses about to be
 * asked are claimed first ({@link GeocodeClaims}) and an address another worker has claimed is
 * waited for in the cache. A lookup that got no answer (service unavailable to that run, or a
 * failure) releases its address, and a caller that waited for it asks itself, within its own run's
 * time budget and circuit breaker.
 */
public final class CachedGeocoder implements Geocoder {
  private final Geocoder service;
  private final GeocodeCache cache;
  private final GeocodeClaims claims;
  private final InFlightLookups inFlight = new InFlightLookups();

  public CachedGeocoder(Geocoder service, GeocodeCache cache, GeocodeClaims claims) {
    this.service = service;
    this.cache = cache;
    this.claims = claims;
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
    Map<String, GeocodeResult> answers = new HashMap<>(lookup(addresses, run));
    List<PreparedAddress> misses = unanswered(addresses, answers);
    while (!misses.isEmpty()) {
      misses = coalesced(misses, run, answers);
    }
    return addresses.stream().map(address -> answers.get(address.key())).toList();
  }

  /**
   * Looks up the {@code misses} this worker has not in flight yet, then waits for those another
   * caller here is looking up. Returns the addresses that lookup left without an answer: to ask
   * again.
   */
  private List<PreparedAddress> coalesced(List<PreparedAddress> misses, GeocodeRun run,
      Map<String, GeocodeResult> answers) throws InterruptedException {
    InFlightLookups.Share share = inFlight.join(misses);
    try {
      lookUpClaimed(share.mine(), run, answers);
    } finally {
      inFlight.finish(share.mine(), answers);
    }
    List<PreparedAddress> again = new ArrayList<>();
    for (Map.Entry<PreparedAddress, CompletableFuture<GeocodeResult>> theirs : share.theirs().entrySet()) {
      Optional<GeocodeResult> shared = InFlightLookups.await(theirs.getValue());
      if (shared.isPresent()) {
        answers.put(theirs.getKey().key(), shared.get());
        run.countCacheHits(shared.get().definitive() ? 1 : 0);
      } else {
        again.add(theirs.getKey());
      }
    }
    return again;
  }

  /**
   * Asks the service about the addresses this worker could claim, and waits in the cache for those
   * another worker has claimed, claiming any that worker released without an answer, until every
   * address has an answer or the run's time budget is spent (the rest are then UNAVAILABLE).
   */
  private void lookUpClaimed(List<PreparedAddress> mine, GeocodeRun run, Map<String, GeocodeResult> answers)
      throws InterruptedException {
    List<PreparedAddress> waiting = mine;
    while (true) {
      try (GeocodeClaims.Held held = claims.claim(name(), release(), keys(waiting))) {
        List<PreparedAddress> claimed = waiting.stream().filter(a -> held.keys().contains(a.key())).toList();
        // Looked up again once claimed: another worker may have answered since the first lookup.
        answers.putAll(lookup(claimed, run));
        List<PreparedAddress> ask = unanswered(claimed, answers);
        if (!ask.isEmpty()) {
          List<GeocodeResult> fresh = service.geocode(ask, run);
          cache.store(keys(ask), fresh);
          for (int i = 0; i < ask.size(); i++) {
            answers.put(ask.get(i).key(), fresh.get(i));
          }
        }
      }
      waiting = unanswered(waiting, answers);
      if (waiting.isEmpty()) {
        return;
      }
      if (run.budgetSpent()) {
        for (PreparedAddress address : waiting) {
          answers.put(address.key(), GeocodeResult.unavailable(name(), release()));
        }
        return;
      }
      Thread.sleep(claims.pollInterval());
      answers.putAll(lookup(waiting, run));
      waiting = unanswered(waiting, answers);
      if (waiting.isEmpty()) {
        return;
      }
    }
  }

  /** The cached answers among {@code addresses}, counted as the run's cache hits. */
  private Map<String, GeocodeResult> lookup(List<PreparedAddress> addresses, GeocodeRun run) {
    Map<String, GeocodeResult> cached = cache.lookup(name(), release(), keys(addresses));
    run.countCacheHits(cached.size());
    return cached;
  }

  private static List<PreparedAddress> unanswered(List<PreparedAddress> addresses, Map<String, GeocodeResult> answers) {
    return addresses.stream().filter(address -> !answers.containsKey(address.key())).toList();
  }

  private static List<String> keys(List<PreparedAddress> addresses) {
    return addresses.stream().map(PreparedAddress::key).toList();
  }
}
