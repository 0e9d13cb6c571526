package org.ocaetl.geocode.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of one HTTP call: exponential backoff with full jitter on 429, 5xx, timeouts, broken
 * connections and malformed bodies; a {@code Retry-After} is honoured when it is at most {@code
 * maxRetryAfter} (a longer one, such as a spent daily quota, ends the call at once).
 *
 * @param maxAttempts attempts of one call, first included
 * @param baseDelay delay cap of the first retry (doubled each retry)
 * @param maxDelay largest delay between attempts
 * @param maxRetryAfter longest {@code Retry-After} the client waits for
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  /** Delay before attempt {@code attempt + 1} after a failed attempt {@code attempt} (1-based). */
  public Duration backoff(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
  }

  /** The wait a Retry-After asks for, plus up to 10% jitter so throttled callers do not return together. */
  public Duration afterRetryAfter(Duration retryAfter) {
    long jitter = ThreadLocalRandom.current().nextLong(retryAfter.toMillis() / 10 + 1);
    return retryAfter.plusMillis(jitter);
  }
}
