package org.ocaetl.worker.runtime;

import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.worker.cluster.TemporalConnection;
import org.ocaetl.worker.cluster.TemporalSettings;
import org.ocaetl.worker.observe.Observability;
import org.ocaetl.worker.observe.OpsHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started production worker: the schema migrated, a {@link WorkerFactory} on the cluster with
 * what {@link WorkerBootstrap} registers, metrics, and the HTTP port with the probes.
 *
 * <p>{@link #close()} is the graceful shutdown (run by the SIGTERM hook): readiness turns 503 and
 * the factory stops polling. In-flight tasks that do not heartbeat (fetch, export, promote,
 * publish, purge) get up to the grace period to finish; one that heartbeats (parse, discovery,
 * upload) stops at its next heartbeat, because the SDK refuses heartbeats once its worker shuts
 * down, and reports nothing: Temporal retries it after its heartbeat timeout (a parse on this
 * worker's host queue then starts the file over on another worker). What is still running after
 * the grace period is interrupted; a promotion's transaction is rolled back by PostgreSQL when the
 * connection drops.
 */
final class ProductionWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProductionWorker.class);
  private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(10);

  private final Observability observability;
  private final TemporalConnection connection;
  private final WorkerFactory factory;
  private final OpsHttpServer http;
  private final AtomicBoolean stopping;
  private final Duration grace;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ProductionWorker(
      Observability observability,
      TemporalConnection connection,
      WorkerFactory factory,
      OpsHttpServer http,
      AtomicBoolean stopping,
      Duration grace) {
    this.observability = observability;
    this.connection = connection;
    this.factory = factory;
    this.http = http;
    this.stopping = stopping;
    this.grace = grace;
  }

  /**
   * Migrates the schema, connects, registers and starts polling.
   *
   * @param metricsPort port of /metrics, /healthz and /readyz (0: any free port)
   * @param grace how long in-flight tasks may take to finish on shutdown
   */
  static ProductionWorker start(WorkerConfig config, TemporalSettings temporal, int metricsPort, Duration grace)
      throws IOException {
    log.info("Starting the oca worker: {}; Temporal {}", config, temporal.describe());
    int migrations = SchemaStartup.prepare(config);
    log.info("Schema {} is up to date ({} migration(s) applied now)", config.schema(), migrations);
    Observability observability = new Observability();
    TemporalConnection connection = null;
    OpsHttpServer http = null;
    try {
      connection = TemporalConnection.open(temporal, observability.temporalScope());
      WorkerFactory factory =
          WorkerFactory.newInstance(
              connection.client(),
              WorkerFactoryOptions.newBuilder().setWorkerInterceptors(observability.activityTimer()).build());
      WorkerBootstrap.register(
          factory,
          config,
          WorkerBootstrap.Activities.production(config, ObjectStores.open(config.storeUri()), observability.pipeline()));
      AtomicBoolean stopping = new AtomicBoolean();
      WorkerHealth health = new WorkerHealth(factory, connection.service(), stopping);
      observability.exportReadiness(health.readiness());
      lastPromotion(config, observability.pipeline());
      http = OpsHttpServer.start(metricsPort, observability::scrape, health.liveness(), health.readiness());
      factory.start();
      log.info("Polling task queues {} and {} ({} staging step(s) at once)",
          config.taskQueue(), config.hostTaskQueue(), config.parallelism());
      return new ProductionWorker(observability, connection, factory, http, stopping, grace);
    } catch (IOException | RuntimeException e) {
      if (http != null) {
        http.close();
      }
      if (connection != null) {
        connection.close();
      }
      observability.close();
      throw e;
    }
  }

  /** The staleness gauge starts from the ledger, so a restart does not look like a week without promotion. */
  private static void lastPromotion(WorkerConfig config, PipelineMetrics metrics) {
    try {
      new PromotedFiles(DatabaseUrl.parse(config.databaseUrl()), config.schema())
          .lastPromotedAt()
          .ifPresent(metrics::lastPromotion);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the last promotion from the ledger failed: " + e.getMessage(), e);
    }
  }

  int metricsPort() {
    return http.port();
  }

  WorkerFactory factory() {
    return factory;
  }

  /** Blocks until {@link #close()} has finished. */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Graceful shutdown; safe to call more than once (the second call waits for the first). */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      log.info("Stopping: no new tasks; in-flight tasks have {} s to finish", grace.toSeconds());
      factory.shutdown();
      if (!awaitTermination(grace)) {
        log.warn("In-flight tasks did not finish within {} s: interrupting them (Temporal retries them elsewhere)",
            grace.toSeconds());
        factory.shutdownNow();
        awaitTermination(AFTER_INTERRUPT);
      }
      connection.close();
      observability.close();
      http.close();
      log.info("Stopped");
    } finally {
      stopped.countDown();
    }
  }

  private boolean awaitTermination(Duration timeout) {
    factory.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return factory.isTerminated();
  }
}
