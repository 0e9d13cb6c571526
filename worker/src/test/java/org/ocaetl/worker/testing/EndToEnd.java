package org.ocaetl.worker.testing;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.discover.Sha256;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.notify.NotificationSettings;
import org.ocaetl.parse.ExtractDate;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.FailingObjectStore;
import org.ocaetl.testing.PostgresTestDatabase;
import org.ocaetl.worker.runtime.WorkerBootstrap;
import org.ocaetl.worker.runtime.WorkerConfig;
import org.ocaetl.workflows.FileWorkflow;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.OcaSearchAttributes;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.FileRequest;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * One end-to-end set-up: the time-skipping in-process Temporal server, a worker registered by
 * {@link WorkerBootstrap} with the real activities (wrapped by {@link FaultyActivities}), a fresh
 * schema in the test class's real PostgreSQL database, and a local store, inbox and work folder.
 */
public final class EndToEnd implements AutoCloseable {
  public final PostgresTestDatabase postgres;
  public final Path root;
  public final Path inbox;
  public final WorkerConfig config;
  public final DataSource database;
  public final OcaTables tables;
  public final FailingObjectStore store;
  public final FaultyActivities.Files files;
  public final FaultyActivities.Promotion promotion;
  public final TestWorkflowEnvironment temporal;
  public final WorkflowClient client;

  public EndToEnd(PostgresTestDatabase postgres, Path root) throws IOException {
    this(postgres, root, ExtractDate.PROCESSING_CLOCK);
  }

  /** A set-up whose parses take the processing day (docs/processing-rules.md#rule-1) from {@code processingClock}. */
  public EndToEnd(PostgresTestDatabase postgres, Path root, Clock processingClock) throws IOException {
    this(postgres, root, processingClock, NotificationSettings.NONE, null);
  }

  /** A set-up whose runs send their notifications as {@code notification} says. */
  public EndToEnd(PostgresTestDatabase postgres, Path root, NotificationSettings notification) throws IOException {
    this(postgres, root, ExtractDate.PROCESSING_CLOCK, notification, null);
  }

  /** A set-up that geocodes with {@code geocoding}'s services (their chain). */
  public EndToEnd(PostgresTestDatabase postgres, Path root, GeocodingSettings geocoding) throws IOException {
    this(postgres, root, ExtractDate.PROCESSING_CLOCK, NotificationSettings.NONE, geocoding);
  }

  private EndToEnd(
      PostgresTestDatabase postgres, Path root, Clock processingClock, NotificationSettings notification,
      GeocodingSettings geocoding) throws IOException {
    this.postgres = postgres;
    this.root = root;
    String schema = "e2e_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    inbox = Files.createDirectories(root.resolve("inbox"));
    config =
        WorkerConfig.builder()
            .databaseUrl(postgres.jdbcUrl())
            .schema(schema)
            .store(root.resolve("store"))
            .inbox(inbox)
            .workDir(root.resolve("work"))
            .hostWait(Duration.ofSeconds(3)) // ScheduleToStart is not time-skipped
            .notification(notification)
            .geocoding(geocoding) // null: this process's environment, no service in the tests
            .build();
    database = DatabaseUrl.parse(config.databaseUrl());
    SchemaMigrator.migrate(database, schema);
    tables = new OcaTables(database, schema);
    store = new FailingObjectStore(new LocalObjectStore(config.storeDir()));
    WorkerBootstrap.Activities real =
        WorkerBootstrap.Activities.production(
            config, store, RawInboxes.open(config.inboxUri()), PipelineMetrics.noop(), processingClock);
    files = new FaultyActivities.Files(real.files());
    promotion = new FaultyActivities.Promotion(real.promotion());

    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder();
    OcaSearchAttributes.definitions().forEach(options::registerSearchAttribute);
    temporal = TestWorkflowEnvironment.newInstance(options.build());
    WorkerBootstrap.register(
        temporal.getWorkerFactory(), config, real.with(files, promotion));
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  public OcaRunWorkflow runStub(String workflowId) {
    return client.newWorkflowStub(
        OcaRunWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(config.taskQueue()).setWorkflowId(workflowId).build());
  }

  public RunResult run(String workflowId) {
    return runStub(workflowId).run(RunRequest.of(null, 2));
  }

  public RunResult run(String workflowId, RunRequest request) {
    return runStub(workflowId).run(request);
  }

  /** What an operator does to rerun one file: start {@code oca-file/<name>} again. */
  public FileResult rerunFile(String fileName) throws IOException {
    String sha256;
    try (InputStream archived = store.get(StoreKeys.raw(fileName))) {
      sha256 = Sha256.of(archived);
    }
    FileWorkflow workflow =
        client.newWorkflowStub(
            FileWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(config.taskQueue()).setWorkflowId(WorkflowIds.file(fileName)).build());
    return workflow.stage(new FileRequest(fileName, sha256));
  }

  /**
   * The digest ({@link OcaTables#fingerprint()}) after a fault-free run over copies of these inbox
   * files, in a fresh schema with its own Temporal server: what a run with faults must end in.
   */
  public Map<String, String> faultFreeDigest(String... fileNames) throws Exception {
    return faultFreeDigest(postgres, root.resolve("fault-free"), inbox, fileNames);
  }

  /** {@link #faultFreeDigest(String...)} for files of any inbox, in a set-up under {@code root}. */
  public static Map<String, String> faultFreeDigest(PostgresTestDatabase postgres, Path root, Path inbox, String... fileNames)
      throws Exception {
    return faultFreeDigest(new EndToEnd(postgres, root), inbox, fileNames);
  }

  /** {@link #faultFreeDigest(PostgresTestDatabase, Path, Path, String...)} geocoding with {@code geocoding}. */
  public static Map<String, String> faultFreeDigest(
      PostgresTestDatabase postgres, Path root, GeocodingSettings geocoding, Path inbox, String... fileNames) throws Exception {
    return faultFreeDigest(new EndToEnd(postgres, root, geocoding), inbox, fileNames);
  }

  private static Map<String, String> faultFreeDigest(EndToEnd set, Path inbox, String... fileNames) throws Exception {
    try (EndToEnd clean = set) {
      for (String file : fileNames) {
        Files.copy(inbox.resolve(file), clean.inbox.resolve(file));
      }
      clean.run("oca-run/fault-free");
      return clean.tables.fingerprint();
    }
  }

  public String runId(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
  }

  @Override
  public void close() {
    temporal.close();
  }
}
