package org.ocaetl.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.ocaetl.activities.NoGeocoder;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.workflows.OcaActivityOptions;
import org.ocaetl.workflows.WorkflowIds;

/**
 * Everything a worker process needs to run the workflows and activities.
 *
 * @param databaseUrl PostgreSQL URL ({@code postgresql://…} or {@code jdbc:postgresql://…})
 * @param schema schema of the oca tables, validated as {@code [a-z_][a-z0-9_]*}
 * @param storeDir root of the local object store (raw archive, staging, public files)
 * @param rawInbox folder where raw extract files arrive
 * @param workDir this worker's scratch folder (DuckDB files, CSVs); emptied at start
 * @param stagingLimits DuckDB memory, threads and spill folder
 * @param taskQueue the shared task queue
 * @param hostTaskQueue the queue only this worker polls (staging steps that need its work folder)
 * @param hostWait ScheduleToStart of steps on the host queue: longer means this worker is gone
 * @param parallelism files a run started by this process stages at once
 * @param geocoder geocoder name; only {@code none} exists until issue #5
 */
public record WorkerConfig(
    String databaseUrl,
    String schema,
    Path storeDir,
    Path rawInbox,
    Path workDir,
    StagingLimits stagingLimits,
    String taskQueue,
    String hostTaskQueue,
    Duration hostWait,
    int parallelism,
    String geocoder) {

  public WorkerConfig {
    DatabaseUrl.parse(databaseUrl); // fails early, with the password redacted
    SqlIdentifier.require(schema);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (!NoGeocoder.NAME.equals(geocoder)) {
      throw new IllegalArgumentException("Unknown geocoder '" + geocoder + "' (available: none)");
    }
    if (hostWait.isNegative() || hostWait.isZero()) {
      throw new IllegalArgumentException("hostWait must be positive: " + hostWait);
    }
  }

  /** The defaults for a worker over these folders. */
  public static WorkerConfig of(String databaseUrl, String schema, Path storeDir, Path rawInbox, Path workDir) {
    return new WorkerConfig(
        databaseUrl,
        schema,
        storeDir,
        rawInbox,
        workDir,
        StagingLimits.defaults(workDir.resolve("duckdb-tmp")),
        WorkflowIds.TASK_QUEUE,
        defaultHostTaskQueue(),
        OcaActivityOptions.DEFAULT_HOST_WAIT,
        2,
        NoGeocoder.NAME);
  }

  public WorkerConfig withParallelism(int files) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, files, geocoder);
  }

  public WorkerConfig withStagingLimits(StagingLimits limits) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, limits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder);
  }

  public WorkerConfig withGeocoder(String name) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, name);
  }

  public WorkerConfig withHostWait(Duration wait) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, wait, parallelism, geocoder);
  }

  public WorkerConfig withTaskQueue(String queue) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, queue,
        hostTaskQueue, hostWait, parallelism, geocoder);
  }

  /**
   * {@code oca-etl/host/<hostname>-<pid>}: unique per process, so a restarted worker never
   * receives steps meant for its predecessor's (lost) work folder.
   */
  public static String defaultHostTaskQueue() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return WorkflowIds.TASK_QUEUE + "/host/" + host.toLowerCase(Locale.ROOT) + "-" + ProcessHandle.current().pid();
  }

  /** Never prints the database password. */
  @Override
  public String toString() {
    return "WorkerConfig[database=" + DatabaseUrl.redact(databaseUrl) + ", schema=" + schema + ", store=" + storeDir
        + ", rawInbox=" + rawInbox + ", workDir=" + workDir + ", taskQueue=" + taskQueue + ", hostTaskQueue="
        + hostTaskQueue + ", hostWait=" + hostWait + ", parallelism=" + parallelism + ", geocoder=" + geocoder + "]";
  }
}
