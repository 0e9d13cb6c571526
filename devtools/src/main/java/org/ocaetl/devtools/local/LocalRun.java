package org.ocaetl.devtools.local;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.ocaetl.discover.RawInbox;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.worker.cli.DatabaseTarget;
import org.ocaetl.worker.runtime.SchemaStartup;
import org.ocaetl.worker.runtime.WorkerBootstrap;
import org.ocaetl.worker.runtime.WorkerConfig;
import org.ocaetl.workflows.GeocodeBackfillWorkflow;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.OcaSearchAttributes;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.GeocodeBackfillResult;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * The machinery of {@code oca local}: the database (given or embedded), the schema set-up,
 * Temporal's in-process server with the search attributes registered, and a worker with the
 * production workflows and activities.
 */
public final class LocalRun implements AutoCloseable {
  private final EmbeddedDatabase embedded;
  private final String databaseUrl;
  private TestWorkflowEnvironment temporal;

  private LocalRun(EmbeddedDatabase embedded, String databaseUrl) {
    this.embedded = embedded;
    this.databaseUrl = databaseUrl;
  }

  /** {@link #start(String, String, Path, PrintWriter)} for the benchmarks. */
  public static LocalRun start(String databaseUrl, Path dataDir, PrintWriter err) throws IOException {
    return start(databaseUrl, "--database-url / OCA_DATABASE_URL", dataDir, err);
  }

  /**
   * Uses {@code databaseUrl} (taken from {@code setting}), or starts the embedded PostgreSQL under
   * {@code dataDir}, and says which on its first line (never the password).
   */
  static LocalRun start(String databaseUrl, String setting, Path dataDir, PrintWriter err) throws IOException {
    if (databaseUrl != null) {
      DatabaseTarget target = DatabaseTarget.of(databaseUrl);
      err.println("Database: PostgreSQL at " + target.where() + " as user " + target.user() + " (" + setting + ")");
      err.flush();
      return new LocalRun(null, databaseUrl);
    }
    EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
    err.println("Database: embedded PostgreSQL " + database.url() + ", data in " + dataDir.resolve("postgres")
        + "; it stops when this command exits");
    err.flush();
    return new LocalRun(database, database.url());
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  /**
   * Runs one run with the production activities over the configured store and inbox, opened with
   * {@code env} (AWS and OCA_SFTP settings) and closed afterwards.
   */
  public RunResult execute(WorkerConfig config, RunRequest request, Map<String, String> env) throws IOException {
    try (ObjectStore store = ObjectStores.open(config.storeUri(), env);
        RawInbox inbox = RawInboxes.open(config.inboxUri(), env)) {
      return execute(config, WorkerBootstrap.Activities.production(config, store, inbox), request);
    }
  }

  public RunResult execute(WorkerConfig config, WorkerBootstrap.Activities activities, RunRequest request) throws IOException {
    SchemaStartup.prepare(config);
    if (temporal != null) { // one in-process server per run: a second run starts a fresh one
      temporal.close();
    }
    temporal = TestWorkflowEnvironment.newInstance(temporalOptions());
    WorkerBootstrap.register(temporal.getWorkerFactory(), config, activities);
    temporal.start();
    OcaRunWorkflow run =
        temporal.getWorkflowClient().newWorkflowStub(
            OcaRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(config.taskQueue())
                .setWorkflowId("oca-run/local-" + Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .build());
    return run.run(request);
  }

  /**
   * Runs the geocode backfill workflow ({@code oca-geocode-backfill}) over the whole table, on the
   * server and worker of the preceding {@link #execute} (the backfill signal starts
   * the same workflow on a cluster).
   */
  GeocodeBackfillResult geocodeBackfill(WorkerConfig config) {
    if (temporal == null) {
      throw new IllegalStateException("geocodeBackfill runs after execute");
    }
    GeocodeBackfillWorkflow backfill =
        temporal.getWorkflowClient().newWorkflowStub(
            GeocodeBackfillWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(config.taskQueue())
                .setWorkflowId(WorkflowIds.GEOCODE_BACKFILL)
                .build());
    return backfill.backfill(GeocodeBackfillRequest.everything());
  }

  /**
   * The in-process server in real time (retries back off for real, as on a cluster), with the
   * custom search attributes registered: without them every upsert fails the workflow task.
   */
  static TestEnvironmentOptions temporalOptions() {
    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder().setUseTimeskipping(false);
    OcaSearchAttributes.definitions().forEach(options::registerSearchAttribute);
    return options.build();
  }

  @Override
  public void close() throws IOException {
    try {
      if (temporal != null) {
        temporal.close();
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
