package org.ocaetl.geocode.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a service for the rest of one geocode run (a file, a backfill slice) once it has
 * failed {@code threshold} calls in a row (after their retries), or at once on an error that
 * retrying cannot fix (a refused key, an unknown path). It never closes again: the addresses left
 * are geocoded by the backfill, not by hammering a service that is down.
 */
public final class CircuitBreaker {
  private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

  private final String service;
  private final int threshold;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicReference<String> openReason = new AtomicReference<>();

  private final boolean logsWhenOpened;

  public CircuitBreaker(String service, int threshold) {
    this(service, threshold, true);
  }

  private CircuitBreaker(String service, int threshold, boolean logsWhenOpened) {
    if (threshold < 1) {
      throw new IllegalArgumentException("breaker threshold must be at least 1: " + threshold);
    }
    this.service = service;
    this.threshold = threshold;
    this.logsWhenOpened = logsWhenOpened;
  }

  /**
   * A breaker for one call whose caller reports the outcome itself (the run notification): it opens
   * only on an error retrying cannot fix (a refused key, an unknown path), and logs nothing.
   */
  public static CircuitBreaker forOneCall(String service) {
    return new CircuitBreaker(service, Integer.MAX_VALUE, false);
  }

  public boolean isOpen() {
    return openReason.get() != null;
  }

  /** Why it opened (no addresses, no secrets), or null while closed. */
  public String reason() {
    return openReason.get();
  }

  public void recordSuccess() {
    consecutiveFailures.set(0);
  }

  /** A call failed after its retries; opens the breaker at the threshold. */
  public void recordFailure(String reason) {
    int failures = consecutiveFailures.incrementAndGet();
    if (failures >= threshold) {
      trip(failures + " calls in a row failed, the last with " + reason);
    }
  }

  /** Opens at once. */
  public void trip(String reason) {
    if (openReason.compareAndSet(null, reason) && logsWhenOpened) {
      log.warn("{}: stopped geocoding for the rest of this run ({}); the addresses left wait for the backfill",
          service, reason);
    }
  }
}
