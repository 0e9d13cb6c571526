package org.ocaetl.workflows;

import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.ocaetl.workflows.model.ExportSummary;
import org.ocaetl.workflows.model.FileProgress;
import org.ocaetl.workflows.model.FileRequest;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.GeocodeSummary;
import org.ocaetl.workflows.model.HostAssignment;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.OcaStatus;
import org.ocaetl.workflows.model.ParseSummary;
import org.ocaetl.workflows.model.UploadSummary;
import org.slf4j.Logger;

/**
 * Stages one file with worker affinity (samples-java {@code fileprocessing}): a fetch on the
 * shared queue copies the raw zip into some worker's work folder and names that worker's own
 * queue; parse, export, geocode and upload are scheduled there with a short ScheduleToStart
 * timeout and a heartbeat timeout. When one of them times out the worker is gone, and the whole
 * sequence starts over on whichever worker fetches next ({@link OcaActivityOptions#HOST_ATTEMPTS}
 * times at most).
 *
 * <p>Search attributes {@code OcaStatus}, {@code OcaExtractDate} and {@code OcaCasesFailed} are
 * upserted at each stage; a failure is upserted as FAILED and then fails the workflow with the
 * activity's typed {@code ApplicationFailure} as the cause, so the parent can report it and an
 * operator can rerun the file by starting {@code oca-file/<name>} again.
 *
 * <p>Determinism: workflow code only; time, randomness and ids come from {@code Workflow.*}.
 * Versioning as in {@link WorkflowChanges}: this workflow has two changes, {@link
 * WorkflowChanges#HOST_STEP_HEARTBEAT} (file*.json replay its old branch, file-v1-heartbeat.json the
 * new one) and {@link WorkflowChanges#HOST_LOST_ON_TIMEOUT} (file-v1-host-lost-on-timeout.json).
 */
public final class FileWorkflowImpl implements FileWorkflow {
  private static final Logger log = Workflow.getLogger(FileWorkflowImpl.class);

  private final FileActivities shared =
      Workflow.newActivityStub(FileActivities.class, OcaActivityOptions.shared());

  private String fileName;
  private OcaStatus status = OcaStatus.DISCOVERED;
  private String hostTaskQueue;
  private int hostAttempt;
  private long casesFailed;
  /** Version 1 of {@link WorkflowChanges#HOST_LOST_ON_TIMEOUT} (the same for every host attempt). */
  private boolean lostOnAnyTimeout;

  @Override
  public FileResult stage(FileRequest request) {
    fileName = request.fileName();
    Workflow.upsertTypedSearchAttributes(
        OcaSearchAttributes.FILE_NAME.valueSet(fileName),
        OcaSearchAttributes.STATUS.valueSet(status.name()));
    try {
      for (hostAttempt = 1; ; hostAttempt++) {
        try {
          FileResult staged = stageOnOneHost(request);
          setStatus(OcaStatus.STAGED);
          return staged;
        } catch (HostLost lost) {
          if (hostAttempt >= OcaActivityOptions.HOST_ATTEMPTS) {
            throw lost.failure;
          }
          log.warn("{}: {} on worker queue {} timed out ({}); the host is lost, starting over on another worker",
              fileName, lost.failure.getActivityType(), hostTaskQueue, lost.timeout);
        }
      }
    } catch (TemporalFailure e) {
      setStatus(OcaStatus.FAILED);
      throw e;
    }
  }

  @Override
  public FileProgress progress() {
    return new FileProgress(fileName, status, hostTaskQueue, hostAttempt, casesFailed);
  }

  private FileResult stageOnOneHost(FileRequest request) {
    HostStep step = HostStep.of(request);
    HostAssignment host = shared.fetch(step);
    hostTaskQueue = host.hostTaskQueue();
    // Version 1 gives export, geocode and upload a heartbeat timeout, as parse had already.
    boolean heartbeating =
        Workflow.getVersion(WorkflowChanges.HOST_STEP_HEARTBEAT, Workflow.DEFAULT_VERSION, 1) >= 1;
    lostOnAnyTimeout =
        Workflow.getVersion(WorkflowChanges.HOST_LOST_ON_TIMEOUT, Workflow.DEFAULT_VERSION, 1) >= 1;
    FileActivities onHost =
        Workflow.newActivityStub(
            FileActivities.class,
            OcaActivityOptions.onHost(host),
            lostOnAnyTimeout
                ? OcaActivityOptions.onHostMethodsOneAttempt(host)
                : heartbeating ? OcaActivityOptions.onHostMethodsHeartbeating(host) : OcaActivityOptions.onHostMethods(host));

    setStatus(OcaStatus.PARSING);
    ParseSummary parsed = onHostStep(() -> onHost.parse(step));
    casesFailed = parsed.casesFailed();
    Workflow.upsertTypedSearchAttributes(
        OcaSearchAttributes.EXTRACT_DATE.valueSet(parsed.extractDate().toString()),
        OcaSearchAttributes.CASES_FAILED.valueSet(casesFailed));

    setStatus(OcaStatus.EXPORTING);
    ExportSummary exported = onHostStep(() -> onHost.export(step));
    setStatus(OcaStatus.GEOCODING);
    GeocodeSummary geocoded = onHostStep(() -> onHost.geocode(step));
    setStatus(OcaStatus.UPLOADING);
    UploadSummary uploaded = onHostStep(() -> onHost.upload(step));

    Map<String, Long> stageMillis = new LinkedHashMap<>();
    stageMillis.put("parse", parsed.elapsedMillis());
    stageMillis.put("export", exported.elapsedMillis());
    stageMillis.put("geocode", geocoded.elapsedMillis());
    stageMillis.put("upload", uploaded.elapsedMillis());
    return new FileResult(
        fileName,
        parsed.extractDate(),
        request.sha256(),
        parsed.parserVersion(),
        exported.rowsPerTable(),
        parsed.casesSeen(),
        parsed.casesStaged(),
        parsed.casesDeleted(),
        parsed.casesFailed(),
        parsed.failures(),
        stageMillis,
        parsed.warnings(),
        geocoded.addressesGeocoded(),
        parsed.drift());
  }

  /**
   * Runs one host step. From {@link WorkflowChanges#HOST_LOST_ON_TIMEOUT} on, a step has one
   * attempt per activity and is retried here, on the same host, as the server did before ({@link
   * OcaActivityOptions#hostStepRetries()}); a timed-out step is not retried there. A missed
   * heartbeat means the process is dead, frozen or cut off from Temporal: a retry on its queue could
   * only wait for it or race a frozen attempt, so the file starts over on another worker after the
   * heartbeat timeout, not after the timeout, the backoff and the host wait of a retry.
   *
   * @throws HostLost when the step timed out in a way that means the host is gone
   */
  private <T> T onHostStep(Supplier<T> step) {
    RetryOptions retries = OcaActivityOptions.hostStepRetries();
    Duration backoff = retries.getInitialInterval();
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (ActivityFailure e) {
        TimeoutType timeout = hostLostBy(e);
        if (timeout != null) {
          throw new HostLost(e, timeout);
        }
        if (!lostOnAnyTimeout || attempt >= retries.getMaximumAttempts() || !retryable(e, retries)) {
          throw e;
        }
        Workflow.sleep(backoff);
        backoff = min(retries.getMaximumInterval(), Duration.ofMillis((long) (backoff.toMillis() * retries.getBackoffCoefficient())));
      }
    }
  }

  /**
   * The timeout that says the host is gone, or null: ScheduleToStart (no worker polls its queue),
   * and from {@link WorkflowChanges#HOST_LOST_ON_TIMEOUT} on also a missed heartbeat or
   * StartToClose.
   */
  private TimeoutType hostLostBy(ActivityFailure failure) {
    if (!(failure.getCause() instanceof TimeoutFailure timeout)) {
      return null;
    }
    TimeoutType type = timeout.getTimeoutType();
    boolean lost = type == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START
        || (lostOnAnyTimeout
            && (type == TimeoutType.TIMEOUT_TYPE_HEARTBEAT || type == TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE));
    return lost ? type : null;
  }

  /** As the server's retry policy decides: an application failure not marked or typed non-retryable. */
  private static boolean retryable(ActivityFailure failure, RetryOptions retries) {
    return failure.getCause() instanceof ApplicationFailure cause
        && !cause.isNonRetryable()
        && !Arrays.asList(retries.getDoNotRetry()).contains(cause.getType());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** A host step timed out in a way that means its host is gone (see {@link #hostLostBy}). */
  private static final class HostLost extends RuntimeException {
    final ActivityFailure failure;
    final TimeoutType timeout;

    HostLost(ActivityFailure failure, TimeoutType timeout) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
      this.timeout = timeout;
    }
  }

  private void setStatus(OcaStatus next) {
    status = next;
    Workflow.upsertTypedSearchAttributes(OcaSearchAttributes.STATUS.valueSet(next.name()));
  }
}
