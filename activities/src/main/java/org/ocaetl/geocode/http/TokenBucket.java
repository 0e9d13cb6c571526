package org.ocaetl.geocode.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Client-side rate limit: at most {@code perMinute} permits a minute, handed out evenly (a burst
 * of one), shared by every thread calling one service from this process. A caller reserves its
 * permit under the lock and waits outside it, so callers are served in order and the limit holds
 * in any 60-second window (at most {@code perMinute + 1} permits).
 */
public final class TokenBucket {
  private final double nanosPerPermit;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long nextFree;

  public TokenBucket(int perMinute, LongSupplier nanoTime, Sleeper sleeper) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate must be at least 1 a minute: " + perMinute);
    }
    this.nanosPerPermit = 60e9 / perMinute;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.nextFree = nanoTime.getAsLong();
  }

  public TokenBucket(int perMinute) {
    this(perMinute, System::nanoTime, Sleeper.REAL);
  }

  /** Waits until the next permit is due. */
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      long start = Math.max(now, nextFree);
      nextFree = start + (long) nanosPerPermit;
      wait = start - now;
    }
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
