package org.ocaetl.workflows;

import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * timeout. When it fires the worker is gone, and the whole sequence starts over on whichever
 * worker fetches next ({@link OcaActivityOptions#HOST_ATTEMPTS} times at most).
 *
 * <p>Search attributes {@code OcaStatus}, {@code OcaExtractDate} and {@code OcaCasesFailed} are
 * upserted at each stage; a failure is upserted as FAILED and then fails the workflow with the
 * activity's typed {@code ApplicationFailure} as the cause, so the parent can report it and an
 * operator can rerun the file by starting {@code oca-file/<name>} again.
 *
 * <p>Determinism: workflow code only; time, randomness and ids come from {@code Workflow.*}.
 * Versioning as in {@link WorkflowChanges}: this workflow has one change, {@link
 * WorkflowChanges#HOST_STEP_HEARTBEAT} (file*.json replay its old branch, file-v1-heartbeat.json the
 * new one).
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
        } catch (ActivityFailure e) {
          if (!hostLost(e) || hostAttempt >= OcaActivityOptions.HOST_ATTEMPTS) {
            throw e;
          }
          log.warn("{}: worker queue {} did not pick up {}; starting over on another worker",
              fileName, hostTaskQueue, e.getActivityType());
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
    FileActivities onHost =
        Workflow.newActivityStub(
            FileActivities.class,
            OcaActivityOptions.onHost(host),
            heartbeating ? OcaActivityOptions.onHostMethodsHeartbeating(host) : OcaActivityOptions.onHostMethods(host));

    setStatus(OcaStatus.PARSING);
    ParseSummary parsed = onHost.parse(step);
    casesFailed = parsed.casesFailed();
    Workflow.upsertTypedSearchAttributes(
        OcaSearchAttributes.EXTRACT_DATE.valueSet(parsed.extractDate().toString()),
        OcaSearchAttributes.CASES_FAILED.valueSet(casesFailed));

    setStatus(OcaStatus.EXPORTING);
    ExportSummary exported = onHost.export(step);
    setStatus(OcaStatus.GEOCODING);
    GeocodeSummary geocoded = onHost.geocode(step);
    setStatus(OcaStatus.UPLOADING);
    UploadSummary uploaded = onHost.upload(step);

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

  /** A ScheduleToStart timeout on the host queue: no worker polls it any more. */
  private static boolean hostLost(ActivityFailure failure) {
    return failure.getCause() instanceof TimeoutFailure timeout
        && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START;
  }

  private void setStatus(OcaStatus next) {
    status = next;
    Workflow.upsertTypedSearchAttributes(OcaSearchAttributes.STATUS.valueSet(next.name()));
  }
}
