package org.ocaetl.geocode.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.ocaetl.geocode.http.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One geocode run (the addresses of a file, or a backfill slice): its time budget, a circuit
 * breaker per service, and counters. When the budget is spent or a breaker opens, the addresses
 * still to do come back UNAVAILABLE and are left for the backfill; the run itself never fails.
 */
public final class GeocodeRun {
  private static final Logger log = LoggerFactory.getLogger(GeocodeRun.class);

  private final long startNanos = System.nanoTime();
  private final Duration budget;
  private final int breakerThreshold;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final AtomicBoolean budgetLogged = new AtomicBoolean();
  private final LongAdder requests = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();

  /**
   * @param budget how long the run may geocode
   * @param breakerThreshold failed calls in a row that stop a service for the run
   */
  public GeocodeRun(Duration budget, int breakerThreshold) {
    this.budget = budget;
    this.breakerThreshold = breakerThreshold;
  }

  public CircuitBreaker breaker(String service) {
    return breakers.computeIfAbsent(service, name -> new CircuitBreaker(name, breakerThreshold));
  }

  /** The service may still be called in this run. */
  public boolean allows(String service) {
    return !budgetSpent() && !breaker(service).isOpen();
  }

  public boolean budgetSpent() {
    boolean spent = System.nanoTime() - startNanos > budget.toNanos();
    if (spent && budgetLogged.compareAndSet(false, true)) {
      log.warn("Geocoding time budget of {} spent; the addresses left wait for the backfill", budget);
    }
    return spent;
  }

  /** Why addresses were left (a breaker's reason or the budget), if anything stopped. */
  public Optional<String> stoppedBy() {
    if (budgetSpent()) {
      return Optional.of("time budget of " + budget + " spent");
    }
    return breakers.entrySet().stream()
        .filter(e -> e.getValue().isOpen())
        .map(e -> e.getKey() + ": " + e.getValue().reason())
        .sorted()
        .findFirst();
  }

  /** The services whose breaker opened in this run, by name. */
  public List<String> openBreakers() {
    return breakers.entrySet().stream().filter(e -> e.getValue().isOpen()).map(Map.Entry::getKey).sorted().toList();
  }

  /** HTTP requests sent (attempts included). */
  public LongAdder requests() {
    return requests;
  }

  public void countCacheHits(long hits) {
    cacheHits.add(hits);
  }

  public long cacheHits() {
    return cacheHits.sum();
  }
}
