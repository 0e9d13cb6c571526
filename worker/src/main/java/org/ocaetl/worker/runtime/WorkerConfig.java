package org.ocaetl.worker.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SchemaSetup;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.discover.SftpSettings;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.rds.AwsS3Settings;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.store.S3Location;
import org.ocaetl.workflows.OcaActivityOptions;
import org.ocaetl.workflows.WorkflowIds;

/**
 * Everything a worker process needs to run the workflows and activities.
 *
 * @param databaseUrl PostgreSQL URL ({@code postgresql://…} or {@code jdbc:postgresql://…})
 * @param schema schema of the oca tables, validated as {@code [a-z_][a-z0-9_]*}
 * @param storeDir root of the local object store (raw archive, staging, public files); null when
 *     {@code storeUri} names a store that is not a folder
 * @param rawInbox folder where raw extract files arrive; null when {@code inboxUri} names an inbox
 *     that is not a folder
 * @param workDir this worker's scratch folder (DuckDB files, CSVs); emptied at start
 * @param stagingLimits DuckDB memory, threads and spill folder
 * @param taskQueue the shared task queue
 * @param hostTaskQueue the queue only this worker polls (staging steps that need its work folder)
 * @param hostWait ScheduleToStart of steps on the host queue: longer means this worker is gone
 * @param parallelism files a run started by this process stages at once
 * @param geocoder {@code none}, {@code geoclient}, {@code geosearch}, {@code census} or {@code chain}
 * @param storeUri the object store: a folder, {@code file:///…} or {@code s3://bucket/prefix}
 *     (docs/storage.md); null means {@code storeDir}
 * @param inboxUri the raw inbox: a folder, {@code file:///…}, {@code s3://bucket/prefix} or
 *     {@code sftp://user@host[:port]/dir}; null means {@code rawInbox}
 * @param geocoding where the geocoding services are and this worker's limits (from the
 *     environment; never part of a workflow input)
 * @param pgS3Import with {@code --pg-s3-import}: how the database reaches the store's bucket
 *     through RDS's aws_s3 extension (promotion imports, public exports); null: through the worker
 * @param schemaSetup PostGIS use and the grants applied on every publish
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
    String geocoder,
    String storeUri,
    String inboxUri,
    GeocodingSettings geocoding,
    AwsS3Settings pgS3Import,
    SchemaSetup schemaSetup) {

  public WorkerConfig {
    DatabaseUrl.parse(databaseUrl); // fails early, with the password redacted
    SqlIdentifier.require(schema);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    geocoding.servicesFor(geocoder); // unknown names and unusable choices fail here
    Objects.requireNonNull(schemaSetup, "schemaSetup");
    if (hostWait.isNegative() || hostWait.isZero()) {
      throw new IllegalArgumentException("hostWait must be positive: " + hostWait);
    }
    storeUri = storeUri != null ? storeUri : Objects.requireNonNull(storeDir, "storeDir or storeUri").toUri().toString();
    inboxUri = inboxUri != null ? inboxUri : Objects.requireNonNull(rawInbox, "rawInbox or inboxUri").toUri().toString();
    ObjectStores.check(storeUri);
    if (pgS3Import != null && !(S3Location.isS3(storeUri) && S3Location.parse(storeUri).equals(pgS3Import.location()))) {
      throw new IllegalArgumentException("--pg-s3-import needs the s3://bucket/prefix store it was configured for;"
          + " the store is " + storeUri);
    }
  }

  /** The defaults for a worker over these folders (as {@code file://} URIs). */
  public static WorkerConfig of(String databaseUrl, String schema, Path storeDir, Path rawInbox, Path workDir) {
    return forUris(databaseUrl, schema, storeDir.toUri().toString(), rawInbox.toUri().toString(), workDir);
  }

  /** The defaults for a worker over a store and an inbox given by URI (see {@link #withStore}, {@link #withInbox}). */
  public static WorkerConfig forUris(String databaseUrl, String schema, String storeUri, String inboxUri, Path workDir) {
    GeocodingSettings geocoding = GeocodingSettings.fromEnvironment(System.getenv());
    return new WorkerConfig(
        databaseUrl,
        schema,
        localStoreFolder(storeUri),
        localInboxFolder(inboxUri),
        workDir,
        StagingLimits.defaults(workDir.resolve("duckdb-tmp")),
        WorkflowIds.TASK_QUEUE,
        defaultHostTaskQueue(),
        OcaActivityOptions.DEFAULT_HOST_WAIT,
        2,
        geocoding.defaultGeocoder(),
        storeUri,
        inboxUri,
        geocoding,
        null,
        SchemaSetup.defaults());
  }

  public WorkerConfig withParallelism(int files) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, files, geocoder, storeUri, inboxUri, geocoding, pgS3Import, schemaSetup);
  }

  public WorkerConfig withStagingLimits(StagingLimits limits) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, limits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder, storeUri, inboxUri, geocoding, pgS3Import, schemaSetup);
  }

  public WorkerConfig withGeocoder(String name) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, name, storeUri, inboxUri, geocoding, pgS3Import, schemaSetup);
  }

  public WorkerConfig withHostWait(Duration wait) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, wait, parallelism, geocoder, storeUri, inboxUri, geocoding, pgS3Import, schemaSetup);
  }

  public WorkerConfig withGeocoding(GeocodingSettings settings) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder, storeUri, inboxUri, settings, pgS3Import, schemaSetup);
  }

  /** PostGIS use and grants of the schema (--postgis, --grant). */
  public WorkerConfig withSchemaSetup(SchemaSetup setup) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder, storeUri, inboxUri, geocoding, pgS3Import, setup);
  }

  /** The object store at {@code uri} (a folder, file:///… or s3://bucket/prefix). */
  public WorkerConfig withStore(String uri) {
    return new WorkerConfig(databaseUrl, schema, localStoreFolder(uri), rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder, uri, inboxUri, geocoding, pgS3Import, schemaSetup);
  }

  /** The raw inbox at {@code uri} (a folder, file:///…, s3://bucket/prefix or sftp://user@host/dir). */
  public WorkerConfig withInbox(String uri) {
    return new WorkerConfig(databaseUrl, schema, storeDir, localInboxFolder(uri), workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder, storeUri, uri, geocoding, pgS3Import, schemaSetup);
  }

  /** Loads staging tables and writes public CSVs through RDS's aws_s3 extension (null: through the worker). */
  public WorkerConfig withPgS3Import(AwsS3Settings settings) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, taskQueue,
        hostTaskQueue, hostWait, parallelism, geocoder, storeUri, inboxUri, geocoding, settings, schemaSetup);
  }

  private static Path localStoreFolder(String uri) {
    return S3Location.isS3(uri) ? null : ObjectStores.localFolder(uri);
  }

  private static Path localInboxFolder(String uri) {
    return S3Location.isS3(uri) || SftpSettings.isSftp(uri) ? null : ObjectStores.localFolder(uri);
  }

  public WorkerConfig withTaskQueue(String queue) {
    return new WorkerConfig(databaseUrl, schema, storeDir, rawInbox, workDir, stagingLimits, queue,
        hostTaskQueue, hostWait, parallelism, geocoder, storeUri, inboxUri, geocoding, pgS3Import, schemaSetup);
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
    return "WorkerConfig[database=" + DatabaseUrl.redact(databaseUrl) + ", schema=" + schema + ", store=" + storeUri
        + ", inbox=" + inboxUri + ", workDir=" + workDir + ", taskQueue=" + taskQueue + ", hostTaskQueue="
        + hostTaskQueue + ", hostWait=" + hostWait + ", parallelism=" + parallelism + ", geocoder=" + geocoder + ", " + geocoding
        + (pgS3Import == null ? "" : ", pgS3Import=" + pgS3Import) + ", " + schemaSetup + "]";
  }
}
