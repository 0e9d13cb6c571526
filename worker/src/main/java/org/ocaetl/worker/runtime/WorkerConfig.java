package org.ocaetl.worker.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SchemaSetup;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.discover.SftpSettings;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.notify.NotificationSettings;
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
 * @param stickyWait how long a workflow's next task waits for the worker that holds the workflow in
 *     its cache before any worker of the shared queue takes it (Temporal's sticky ScheduleToStart);
 *     zero turns the affinity off: every workflow task replays the history on whichever worker polls
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
 * @param notification where run notifications go and for which runs (the webhook URL is a secret)
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
    Duration stickyWait,
    int parallelism,
    String geocoder,
    String storeUri,
    String inboxUri,
    GeocodingSettings geocoding,
    AwsS3Settings pgS3Import,
    SchemaSetup schemaSetup,
    NotificationSettings notification) {

  /** Temporal's default sticky ScheduleToStart. */
  public static final Duration DEFAULT_STICKY_WAIT = Duration.ofSeconds(5);

  public WorkerConfig {
    Objects.requireNonNull(notification, "notification");
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
    if (stickyWait.isNegative()) {
      throw new IllegalArgumentException("stickyWait must not be negative: " + stickyWait);
    }
    storeUri = storeUri != null ? storeUri : Objects.requireNonNull(storeDir, "storeDir or storeUri").toUri().toString();
    inboxUri = inboxUri != null ? inboxUri : Objects.requireNonNull(rawInbox, "rawInbox or inboxUri").toUri().toString();
    ObjectStores.check(storeUri);
    if (pgS3Import != null && !(S3Location.isS3(storeUri) && S3Location.parse(storeUri).equals(pgS3Import.location()))) {
      throw new IllegalArgumentException("--pg-s3-import needs the s3://bucket/prefix store it was configured for;"
          + " the store is " + storeUri);
    }
  }

  /**
   * A configuration with a worker's defaults for what is not set: the shared task queue, this
   * process's host queue, 2 files at once, DuckDB's default limits spilling into {@code
   * <work dir>/duckdb-tmp}, the geocoding services of this process's environment (and their
   * chain as the geocoder), no {@code --pg-s3-import}, PostGIS when available and no grants.
   * Database URL, schema, store, inbox and work folder have no default.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WorkerConfig}; each setter replaces a default (see {@link #builder()}). */
  public static final class Builder {
    private String databaseUrl;
    private String schema;
    private String storeUri;
    private String inboxUri;
    private Path workDir;
    private StagingLimits stagingLimits;
    private String taskQueue = WorkflowIds.TASK_QUEUE;
    private Duration hostWait = OcaActivityOptions.DEFAULT_HOST_WAIT;
    private Duration stickyWait = DEFAULT_STICKY_WAIT;
    private int parallelism = 2;
    private String geocoder;
    private GeocodingSettings geocoding;
    private AwsS3Settings pgS3Import;
    private SchemaSetup schemaSetup = SchemaSetup.defaults();
    private NotificationSettings notification = NotificationSettings.NONE;

    private Builder() {}

    public Builder databaseUrl(String url) {
      this.databaseUrl = url;
      return this;
    }

    public Builder schema(String name) {
      this.schema = name;
      return this;
    }

    /** The object store at {@code uri} (a folder, file:///… or s3://bucket/prefix). */
    public Builder store(String uri) {
      this.storeUri = uri;
      return this;
    }

    /** The object store in a local folder. */
    public Builder store(Path folder) {
      return store(folder.toUri().toString());
    }

    /** The raw inbox at {@code uri} (a folder, file:///…, s3://bucket/prefix or sftp://user@host/dir). */
    public Builder inbox(String uri) {
      this.inboxUri = uri;
      return this;
    }

    /** The raw inbox in a local folder. */
    public Builder inbox(Path folder) {
      return inbox(folder.toUri().toString());
    }

    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    public Builder stagingLimits(StagingLimits limits) {
      this.stagingLimits = limits;
      return this;
    }

    public Builder taskQueue(String queue) {
      this.taskQueue = queue;
      return this;
    }

    public Builder hostWait(Duration wait) {
      this.hostWait = wait;
      return this;
    }

    public Builder stickyWait(Duration wait) {
      this.stickyWait = wait;
      return this;
    }

    public Builder parallelism(int files) {
      this.parallelism = files;
      return this;
    }

    /** The geocoder by name; null keeps the default (the chain of the configured services). */
    public Builder geocoder(String name) {
      this.geocoder = name;
      return this;
    }

    public Builder geocoding(GeocodingSettings settings) {
      this.geocoding = settings;
      return this;
    }

    /** Loads staging tables and writes public CSVs through RDS's aws_s3 extension (null: through the worker). */
    public Builder pgS3Import(AwsS3Settings settings) {
      this.pgS3Import = settings;
      return this;
    }

    /** PostGIS use and grants of the schema (--postgis, --grant). */
    public Builder schemaSetup(SchemaSetup setup) {
      this.schemaSetup = setup;
      return this;
    }

    /** Run notifications (--notify, --notify-webhook-url); default none. */
    public Builder notification(NotificationSettings settings) {
      this.notification = settings;
      return this;
    }

    /** The configuration; IllegalArgumentException (or NullPointerException) for a bad or missing setting. */
    public WorkerConfig build() {
      Objects.requireNonNull(storeUri, "store");
      Objects.requireNonNull(inboxUri, "inbox");
      Objects.requireNonNull(workDir, "workDir");
      GeocodingSettings services = geocoding != null ? geocoding : GeocodingSettings.fromEnvironment(System.getenv());
      return new WorkerConfig(
          databaseUrl,
          schema,
          localStoreFolder(storeUri),
          localInboxFolder(inboxUri),
          workDir,
          stagingLimits != null ? stagingLimits : StagingLimits.defaults(workDir.resolve("duckdb-tmp")),
          taskQueue,
          defaultHostTaskQueue(),
          hostWait,
          stickyWait,
          parallelism,
          geocoder != null ? geocoder : services.defaultGeocoder(),
          storeUri,
          inboxUri,
          services,
          pgS3Import,
          schemaSetup,
          notification);
    }
  }

  private static Path localStoreFolder(String uri) {
    return S3Location.isS3(uri) ? null : ObjectStores.localFolder(uri);
  }

  private static Path localInboxFolder(String uri) {
    return S3Location.isS3(uri) || SftpSettings.isSftp(uri) ? null : ObjectStores.localFolder(uri);
  }

  /**
   * {@code oca-etl/host/<hostname>-<pid>-<random>}: unique per process, so a restarted worker never
   * receives steps meant for its predecessor's (lost) work folder; they time out on the old queue
   * and the file starts over. Hostname and pid alone repeat when Kubernetes restarts a container in
   * its pod (after an out-of-memory kill or a failed liveness probe): the pod name stays, the JVM is
   * PID 1 again, and the new worker, which empties the work folder at start, would take the retry
   * of its predecessor's step and fail it for the missing files.
   */
  public static String defaultHostTaskQueue() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String random = UUID.randomUUID().toString().substring(0, 8);
    return WorkflowIds.TASK_QUEUE + "/host/" + host.toLowerCase(Locale.ROOT) + "-" + ProcessHandle.current().pid() + "-"
        + random;
  }

  /** Never prints the database password. */
  @Override
  public String toString() {
    return "WorkerConfig[database=" + DatabaseUrl.redact(databaseUrl) + ", schema=" + schema + ", store=" + storeUri
        + ", inbox=" + inboxUri + ", workDir=" + workDir + ", taskQueue=" + taskQueue + ", hostTaskQueue="
        + hostTaskQueue + ", hostWait=" + hostWait + ", stickyWait=" + stickyWait + ", parallelism=" + parallelism + ", geocoder=" + geocoder + ", " + geocoding
        + (pgS3Import == null ? "" : ", pgS3Import=" + pgS3Import) + ", " + schemaSetup + ", " + notification + "]";
  }
}
