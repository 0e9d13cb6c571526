package org.ocaetl.activities;

import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats from a side thread while a long step runs in one call (a database transaction, a
 * page of geocoding), so that Temporal notices a dead worker after the heartbeat timeout instead
 * of the step's StartToClose. It reports liveness, not progress: the details are whatever the step
 * has durably done so far.
 */
final class HeartbeatTicker implements AutoCloseable {
  private static final Duration DEFAULT_EVERY = Duration.ofSeconds(30);
  private static final Duration MINIMUM_EVERY = Duration.ofSeconds(1);

  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("heartbeat").factory());

  private HeartbeatTicker(ActivityExecutionContext context, Supplier<?> details) {
    long every = interval(context.getInfo().getHeartbeatTimeout()).toMillis();
    context.heartbeat(details.get()); // at once, on the caller's thread: the step has started
    ticker.scheduleAtFixedRate(() -> context.heartbeat(details.get()), every, every, TimeUnit.MILLISECONDS);
  }

  /** Starts heartbeating now and then four times per heartbeat timeout (every 30 s without one). */
  static HeartbeatTicker start(ActivityExecutionContext context, Supplier<?> details) {
    return new HeartbeatTicker(context, details);
  }

  static Duration interval(Duration heartbeatTimeout) {
    if (heartbeatTimeout == null || heartbeatTimeout.isZero()) {
      return DEFAULT_EVERY;
    }
    Duration quarter = heartbeatTimeout.dividedBy(4);
    return quarter.compareTo(MINIMUM_EVERY) < 0 ? MINIMUM_EVERY : quarter;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
