package org.ocaetl.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.ocaetl.workflows.model.HostAssignment;

/**
 * Timeouts and retries of every activity, in one place. Bad input never retries (the bytes will
 * not change); infrastructure errors retry with backoff.
 */
public final class OcaActivityOptions {

  /**
   * Default of how long a staging step may wait for the worker that fetched the file (the worker
   * reports its own value in {@link HostAssignment#hostWait()}). Longer means the host is gone
   * or badly overloaded: the file workflow then starts over on another worker.
   */
  public static final Duration DEFAULT_HOST_WAIT = Duration.ofMinutes(1);

  /**
   * Heartbeat timeout of the steps that heartbeat from a side thread or per batch (export,
   * geocode, upload, publish): a worker that dies during one is noticed after this, not after the
   * step's StartToClose.
   */
  public static final Duration STEP_HEARTBEAT = Duration.ofMinutes(2);

  /** Hosts tried per file before the file fails. */
  public static final int HOST_ATTEMPTS = 3;

  private static final String[] NON_RETRYABLE = {
    FailureTypes.BAD_EXTRACT_FILE,
    FailureTypes.LEDGER_CONFLICT,
    FailureTypes.CHECKSUM_CONFLICT,
    FailureTypes.STATEMENT_TIMEOUT,
    FailureTypes.INVALID_REQUEST
  };

  private OcaActivityOptions() {}

  /** Discovery hashes and archives whole raw files: it heartbeats once per file. */
  public static ActivityOptions discovery() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(Duration.ofMinutes(5))
        .setRetryOptions(retries(Duration.ofSeconds(10), Duration.ofMinutes(5), 5))
        .build();
  }

  /** Fetch and lookup, on the shared queue. */
  public static ActivityOptions shared() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(Duration.ofMinutes(5))
        .setRetryOptions(retries(Duration.ofSeconds(5), Duration.ofMinutes(2), 5))
        .build();
  }

  /**
   * Waiting for another run's file workflow to close: as long as a staging may take (parse alone
   * may run six hours), heartbeating while it waits, so a lost worker's wait moves elsewhere.
   */
  public static ActivityOptions awaitingStaging() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(12))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(retries(Duration.ofSeconds(5), Duration.ofMinutes(2), 5))
        .build();
  }

  /** Export, geocode and upload on the worker that holds the file. */
  public static ActivityOptions onHost(HostAssignment host) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(host.hostTaskQueue())
        .setScheduleToStartTimeout(host.hostWait())
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setRetryOptions(hostStepRetries())
        .build();
  }

  /**
   * How a host step is retried on its host: by the server before {@link
   * WorkflowChanges#HOST_LOST_ON_TIMEOUT}, by the file workflow itself from then on.
   */
  public static RetryOptions hostStepRetries() {
    return retries(Duration.ofSeconds(5), Duration.ofMinutes(2), 3);
  }

  /**
   * Per-method overrides on the host queue, keyed by activity type: parse heartbeats its
   * progress, so a dead worker is noticed after the heartbeat timeout instead of StartToClose.
   */
  public static Map<String, ActivityOptions> onHostMethods(HostAssignment host) {
    ActivityOptions parse =
        ActivityOptions.newBuilder(onHost(host))
            .setStartToCloseTimeout(Duration.ofHours(6))
            .setHeartbeatTimeout(Duration.ofMinutes(2))
            .build();
    return Map.of(FileActivities.PARSE, parse);
  }

  /**
   * {@link #onHostMethods} with a heartbeat timeout for export, geocode and upload too (they
   * heartbeat), so a dead worker is noticed within {@link #STEP_HEARTBEAT} at every step. Before
   * {@link WorkflowChanges#HOST_LOST_ON_TIMEOUT} the server's retry then times out on the dead
   * worker's queue (ScheduleToStart) and the file starts over on another worker.
   */
  public static Map<String, ActivityOptions> onHostMethodsHeartbeating(HostAssignment host) {
    ActivityOptions heartbeating =
        ActivityOptions.newBuilder(onHost(host)).setHeartbeatTimeout(STEP_HEARTBEAT).build();
    return Map.of(
        FileActivities.PARSE, onHostMethods(host).get(FileActivities.PARSE),
        FileActivities.EXPORT, heartbeating,
        FileActivities.GEOCODE, heartbeating,
        FileActivities.UPLOAD, heartbeating);
  }

  /**
   * {@link #onHostMethodsHeartbeating} with one attempt per activity: the file workflow retries a
   * failed step itself ({@link #hostStepRetries()}) and treats a timed-out one as the host lost.
   */
  public static Map<String, ActivityOptions> onHostMethodsOneAttempt(HostAssignment host) {
    RetryOptions once = RetryOptions.newBuilder(hostStepRetries()).setMaximumAttempts(1).build();
    Map<String, ActivityOptions> methods = new HashMap<>();
    onHostMethodsHeartbeating(host)
        .forEach((type, options) -> methods.put(type, ActivityOptions.newBuilder(options).setRetryOptions(once).build()));
    return Map.copyOf(methods);
  }

  /**
   * Promotion holds one transaction for all files of a segment: a generous StartToClose, and
   * retries with backoff (a lock timeout or a lost connection rolls back; a retry after a commit
   * finds the ledger rows and applies nothing twice).
   */
  public static ActivityOptions promotion() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(6))
        .setRetryOptions(retries(Duration.ofSeconds(30), Duration.ofMinutes(15), 8))
        .build();
  }

  /**
   * {@link #promotion()} with a heartbeat timeout: the activity heartbeats from a side thread while
   * its transaction runs, so a worker that dies mid-promotion is noticed within minutes instead of
   * after the StartToClose (PostgreSQL rolls the transaction back when the connection drops).
   */
  public static ActivityOptions promotionHeartbeating() {
    return ActivityOptions.newBuilder(promotion()).setHeartbeatTimeout(Duration.ofMinutes(2)).build();
  }

  /** Publishing rewrites the public snapshot from the tables: safe to repeat. */
  public static ActivityOptions publish() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setRetryOptions(retries(Duration.ofSeconds(30), Duration.ofMinutes(10), 5))
        .build();
  }

  /** {@link #publish()} with a heartbeat timeout: the activity heartbeats from a side thread. */
  public static ActivityOptions publishHeartbeating() {
    return ActivityOptions.newBuilder(publish()).setHeartbeatTimeout(STEP_HEARTBEAT).build();
  }

  /**
   * The run notification retries inside the activity (about a minute, see the activities'
   * WebhookSender) and answers instead of throwing; Temporal retries only a lost worker, and the
   * schedule-to-close bounds how long a run can wait for its notification.
   */
  public static ActivityOptions notification() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setScheduleToCloseTimeout(Duration.ofMinutes(5))
        .setRetryOptions(retries(Duration.ofSeconds(10), Duration.ofSeconds(30), 2))
        .build();
  }

  /**
   * A geocode backfill slice heartbeats its cursor after each page; when a geocoding service is
   * down it fails retryably and is retried for about two hours (backoff up to 30 minutes)
   * before the backfill gives up until its next start.
   */
  public static ActivityOptions geocodeBackfill() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(Duration.ofMinutes(15))
        .setRetryOptions(retries(Duration.ofMinutes(1), Duration.ofMinutes(30), 9))
        .build();
  }

  private static RetryOptions retries(Duration initial, Duration max, int attempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(max)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(NON_RETRYABLE)
        .build();
  }
}
