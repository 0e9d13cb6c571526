package org.ocaetl.geocode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.PreparedAddress;

/**
 * The lookups of one geocoder that this worker has in flight, one per normalized address: a caller
 * that wants an address another caller (e.g. the other file staging in parallel) is already
 * looking up waits for that answer instead of asking the service too. Holds only the addresses in
 * flight.
 */
final class InFlightLookups {
  private final Map<String, CompletableFuture<GeocodeResult>> lookups = new ConcurrentHashMap<>();

  /**
   * Who looks up what.
   *
   * @param mine the addresses this caller looks up; it must {@link #finish} them
   * @param theirs the addresses another caller is looking up, with that caller's answer to come
   */
  record Share(List<PreparedAddress> mine, Map<PreparedAddress, CompletableFuture<GeocodeResult>> theirs) {}

  /** Takes the lookups of {@code addresses} nobody has in flight; the others are shared. */
  Share join(List<PreparedAddress> addresses) {
    List<PreparedAddress> mine = new ArrayList<>();
    Map<PreparedAddress, CompletableFuture<GeocodeResult>> theirs = new LinkedHashMap<>();
    for (PreparedAddress address : addresses) {
      CompletableFuture<GeocodeResult> lookup = new CompletableFuture<>();
      CompletableFuture<GeocodeResult> running = lookups.putIfAbsent(address.key(), lookup);
      if (running == null) {
        mine.add(address);
      } else {
        theirs.put(address, running);
      }
    }
    return new Share(mine, theirs);
  }

  /**
   * Hands the answers to {@code mine} to the callers waiting for them and forgets those lookups.
   * An address without an answer (the lookup failed) is handed over as none: its waiters ask
   * themselves. Call it however the lookup ended, or those waiters wait for ever.
   */
  void finish(List<PreparedAddress> mine, Map<String, GeocodeResult> answers) {
    for (PreparedAddress address : mine) {
      CompletableFuture<GeocodeResult> lookup = lookups.remove(address.key());
      if (lookup != null) {
        lookup.complete(answers.get(address.key()));
      }
    }
  }

  /**
   * What another caller's lookup answered, when it is worth sharing: a definitive answer, or that
   * the geocoder does not cover the address. Empty when that lookup got no answer (the service
   * was unavailable to that caller's run, or it failed): the caller then asks itself, within its
   * own run's budget and circuit breaker.
   */
  static Optional<GeocodeResult> await(CompletableFuture<GeocodeResult> lookup) throws InterruptedException {
    try {
      GeocodeResult answer = lookup.get();
      return answer == null || answer.outcome() == GeocodeResult.Outcome.UNAVAILABLE
          ? Optional.empty() : Optional.of(answer);
    } catch (ExecutionException e) {
      return Optional.empty(); // never completed exceptionally; kept total for safety
    }
  }
}
