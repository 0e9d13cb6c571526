package org.ocaetl.worker.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.notify.NotificationSettings;
import org.ocaetl.rds.AwsS3Settings;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.worker.cluster.TemporalOptions;
import org.ocaetl.worker.cluster.TemporalSettings;
import org.ocaetl.worker.options.DatabaseOptions;
import org.ocaetl.worker.options.ParallelOption;
import org.ocaetl.worker.options.SchemaSetupOptions;
import org.ocaetl.worker.options.StagingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oca worker}: the production worker on a Temporal cluster. Every setting comes from a
 * flag or, in a container, from its environment variable. Runs until SIGTERM, then shuts down
 * gracefully (see {@link ProductionWorker#close()}).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the oca workflows and activities against a Temporal cluster until SIGTERM.",
      "Every option also reads its environment variable (shown in its description); a flag wins.",
      "Serves /metrics, /healthz and /readyz on --metrics-port."
    })
public final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--store",
      defaultValue = "${env:OCA_STORE}",
      paramLabel = "URI",
      description = "Object store shared by all workers (raw archive, staging, public files): a folder,"
          + " file:///dir or s3://bucket/prefix (env OCA_STORE; required).")
  String store;

  @Option(
      names = "--inbox",
      defaultValue = "${env:OCA_INBOX}",
      paramLabel = "URI",
      description = "Where raw extract zips arrive: a folder, file:///dir, s3://bucket/prefix or"
          + " sftp://user@host[:port]/dir (env OCA_INBOX; required).")
  String inbox;

  @Option(
      names = "--geocoder",
      defaultValue = "${env:OCA_GEOCODER}",
      paramLabel = "NAME",
      description = "none, geoclient, geosearch, census or chain (env OCA_GEOCODER); default: chain of the"
          + " services configured in the environment, none when none is.")
  String geocoder;

  @Option(
      names = "--work-dir",
      defaultValue = "${env:OCA_WORK_DIR:-${sys:java.io.tmpdir}/oca-work}",
      paramLabel = "DIR",
      description = "This worker's scratch folder for DuckDB files and CSVs, emptied at start"
          + " (env OCA_WORK_DIR), default ${DEFAULT-VALUE}.")
  Path workDir;

  @Mixin ParallelOption parallel;

  @Mixin StagingOptions staging;

  @Mixin SchemaSetupOptions schemaSetup;

  @Option(
      names = "--pg-s3-import",
      defaultValue = "${env:OCA_PG_S3_IMPORT:-false}",
      paramLabel = "true|false",
      arity = "0..1",
      description = "RDS: the database loads staged CSVs with aws_s3.table_import_from_s3 and writes public CSVs"
          + " with aws_s3.query_export_to_s3 (env OCA_PG_S3_IMPORT), default ${DEFAULT-VALUE}. Needs an"
          + " s3:// store and AWS_REGION; keys from OCA_PG_S3_ACCESS_KEY_ID / OCA_PG_S3_SECRET_ACCESS_KEY, else"
          + " the RDS instance's IAM role (docs/storage.md).")
  boolean pgS3Import;

  @Option(
      names = "--notify",
      defaultValue = "${env:OCA_NOTIFY:-failures}",
      paramLabel = "WHEN",
      description = "Which runs send a notification to --notify-webhook-url: failures (a failed run, or a run with a"
          + " failed file, failed cases, a failed publish or a changed extract) or always (env OCA_NOTIFY), default ${DEFAULT-VALUE}.")
  String notify;

  @Option(
      names = "--notify-webhook-url",
      defaultValue = "${env:OCA_NOTIFY_WEBHOOK_URL}",
      paramLabel = "URL",
      description = "Slack-compatible incoming webhook for run notifications (env OCA_NOTIFY_WEBHOOK_URL, from the"
          + " Secret: the URL holds a token; never logged); default: no notifications.")
  String notifyWebhookUrl;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:OCA_METRICS_PORT:-9464}",
      paramLabel = "PORT",
      description = "Port of /metrics, /healthz and /readyz (env OCA_METRICS_PORT), default ${DEFAULT-VALUE}.")
  int metricsPort;

  @Option(
      names = "--shutdown-grace",
      defaultValue = "${env:OCA_SHUTDOWN_GRACE_SECONDS:-90}",
      paramLabel = "SECONDS",
      description = "On SIGTERM, how long in-flight tasks may run before they are interrupted"
          + " (env OCA_SHUTDOWN_GRACE_SECONDS), default ${DEFAULT-VALUE}. Keep it below the pod's"
          + " terminationGracePeriodSeconds.")
  int shutdownGraceSeconds;

  @Option(
      names = "--sticky-wait",
      defaultValue = "${env:OCA_STICKY_WAIT_SECONDS:-5}",
      paramLabel = "SECONDS",
      description = "How long a workflow's next task waits for the worker that has the workflow cached before"
          + " any worker takes it, replaying the history (Temporal's sticky ScheduleToStart;"
          + " env OCA_STICKY_WAIT_SECONDS), default ${DEFAULT-VALUE}; 0 turns the cache affinity off.")
  int stickyWaitSeconds;

  /** The environment the inbox and --pg-s3-import settings come from (tests substitute their own). */
  java.util.Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws Exception {
    ProductionWorker worker = start();
    Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "oca-shutdown"));
    worker.awaitStopped();
    return 0;
  }

  /** Checks the settings and starts the worker (tests call this instead of {@link #call()}). */
  ProductionWorker start() throws java.io.IOException {
    return ProductionWorker.start(config(), temporalSettings(), metricsPort, Duration.ofSeconds(shutdownGraceSeconds));
  }

  TemporalSettings temporalSettings() {
    return temporal.settings();
  }

  WorkerConfig config() {
    require(database.databaseUrl(), "--database-url", "OCA_DATABASE_URL");
    require(store, "--store", "OCA_STORE");
    require(inbox, "--inbox", "OCA_INBOX");
    int files = parallel.value();
    if (metricsPort < 0 || metricsPort > 65_535) {
      throw new ParameterException(spec.commandLine(), "--metrics-port must be a port number: " + metricsPort);
    }
    if (shutdownGraceSeconds < 0) {
      throw new ParameterException(spec.commandLine(), "--shutdown-grace must not be negative");
    }
    if (stickyWaitSeconds < 0) {
      throw new ParameterException(spec.commandLine(), "--sticky-wait must not be negative");
    }
    try {
      DatabaseUrl.parse(database.databaseUrl());
      SqlIdentifier.require(database.schema());
      ObjectStores.check(store);
      RawInboxes.check(inbox, environment);
      WorkerConfig.Builder config =
          WorkerConfig.builder()
              .databaseUrl(database.databaseUrl())
              .schema(database.schema())
              .store(store)
              .inbox(inbox)
              .workDir(workDir)
              .stagingLimits(staging.limits(workDir))
              .parallelism(files)
              .stickyWait(Duration.ofSeconds(stickyWaitSeconds))
              .taskQueue(temporal.settings().taskQueue())
              .schemaSetup(schemaSetup.setup())
              .geocoder(geocoder)
              .notification(NotificationSettings.of(notify, notifyWebhookUrl));
      if (pgS3Import) {
        config.pgS3Import(AwsS3Settings.fromEnvironment(store, environment));
      }
      return config.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void require(Object value, String flag, String env) {
    if (value == null || value.toString().isBlank()) {
      throw new ParameterException(spec.commandLine(), "Missing " + flag + " (or env " + env + ")");
    }
  }
}
