package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionSettings;
import org.ocaetl.schema.PromotionLock;
import org.ocaetl.testing.Await;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.cli.RunResultOutput;
import org.ocaetl.worker.testing.Cli;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.worker.testing.Http;
import org.ocaetl.worker.testing.OcaTables;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.OcaSearchAttributes;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.RunResult;
import picocli.CommandLine;

/**
 * The cluster commands end to end: Temporal's test server bound to a port (a gRPC frontend like a
 * cluster's, minus Schedules and List), {@code oca search-attributes --register} against it, an
 * {@code oca worker} with the production activities on real PostgreSQL, DuckDB and a local
 * store, and {@code oca start} / {@code oca backfill} as an operator runs them; then the worker's
 * graceful shutdown with an activity in flight: one without heartbeats finishes, one with
 * heartbeats gives up at its next heartbeat.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterEndToEndTest {
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();
  static TestServer.PortBoundTestServer temporal;
  static String address;
  static String schema;
  static DataSource data;
  static OcaTables tables;
  static ProductionWorker worker;
  static WorkflowServiceStubs service;
  static WorkflowClient client;
  static Cli registered;
  @TempDir static Path root;

  @BeforeAll
  static void startClusterAndWorker() throws Exception {
    data = postgres.dataSource();
    schema = "cluster_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    int port = freePort();
    temporal = TestServer.createPortBoundServer(port, true); // real time, like a cluster
    address = "127.0.0.1:" + port;
    service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    client = WorkflowClient.newInstance(service);
    // Without the search attributes every upsert would fail the workflow task.
    registered = Cli.run("search-attributes", "--register", "--temporal-address", address);
    assertEquals(0, registered.exitCode(), "registration is needed by every test below: " + registered);
    worker = startWorker(root.resolve("work-a"));
    tables = new OcaTables(data, schema);
  }

  @AfterAll
  static void stopEverything() {
    if (worker != null) {
      worker.close();
    }
    service.shutdownNow();
    temporal.close();
  }

  static ProductionWorker startWorker(Path workDir) throws Exception {
    WorkerCommand command = new WorkerCommand();
    new CommandLine(command)
        .parseArgs(
            "--temporal-address", address,
            "--database-url", postgres.jdbcUrl(),
            "--schema", schema,
            "--store", root.resolve("store").toString(),
            "--inbox", Files.createDirectories(root.resolve("inbox")).toString(),
            "--work-dir", workDir.toString(),
            "--parallel", "1",
            "--memory-limit", "256MB",
            "--threads", "1",
            "--metrics-port", "0",
            "--shutdown-grace", "30");
    return command.start();
  }

  @Test
  @Order(1)
  void searchAttributesAreRegisteredThroughTheOperatorService() {
    assertEquals(0, registered.exitCode(), registered.toString());
    assertTrue(registered.out().contains("OcaFileName Keyword"), registered.out());
    assertTrue(registered.out().contains("OcaCasesFailed Int"), registered.out());
    assertTrue(
        registered.out().contains("Registered on namespace default: OcaCasesFailed, OcaExtractDate, OcaFileName, OcaStatus"),
        registered.out());
    Cli again = Cli.run("search-attributes", "--register", "--temporal-address", address);
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().contains("Already registered on namespace default (server: "), again.out());
  }

  @Test
  @Order(2)
  void theProbesAnswerOnceTheWorkerPolls() {
    int port = worker.metricsPort();
    assertEquals("ok\n", Http.await(port, "/healthz", r -> r.statusCode() == 200, Duration.ofSeconds(10)).body());
    Http.await(port, "/readyz", r -> r.statusCode() == 200, Duration.ofSeconds(20));
    HttpResponse<String> metrics = Http.get(port, "/metrics");
    assertEquals(200, metrics.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics");
  }

  @Test
  @Order(3)
  void startWaitRunsOneRunOnTheWorkerAndMetricsCountIt() throws Exception {
    Extracts.write(root.resolve("inbox"), "LandlordTenant.Incr.2024-03-08.zip", "2024-03-08",
        Extracts.live("E2E-1", "Bronx Housing Court"), Extracts.live("E2E-2", "Kings Housing Court"),
        Extracts.unconvertible("E2E-3"));

    Cli started = Cli.run("start", "--wait", "--temporal-address", address, "--workflow-id", "oca-run/e2e-1");

    assertEquals(RunResultOutput.EXIT_FILES_FAILED, started.exitCode(), "one case failed: " + started);
    JsonNode result = new ObjectMapper().readTree(started.out());
    assertEquals(1, result.get("filesPromoted").asInt());
    assertEquals(1, result.get("casesFailed").asInt());
    assertEquals("Bronx Housing Court", tables.court("E2E-1"));

    // The SDK's tally scope reports into the registry every few seconds.
    String endToEnd = "temporal_workflow_endtoend_latency_seconds_count{";
    String metrics =
        Http.await(worker.metricsPort(), "/metrics", r -> r.body().contains(endToEnd), Duration.ofSeconds(20)).body();
    assertTrue(metrics.contains("oca_cases_parsed_total 3.0"), "pipeline metrics:\n" + grep(metrics, "oca_"));
    assertTrue(metrics.contains("oca_cases_failed_total 1.0"));
    for (String bytes : new String[] {"oca_fetch_bytes_total ", "oca_xml_read_bytes_total ", "oca_upload_bytes_total "}) {
      assertTrue(metrics.contains(bytes), bytes + "(the names README.md lists)");
    }
    assertTrue(metrics.contains("oca_stage_duration_seconds_count{stage=\"parse\"} 1"), grep(metrics, "oca_stage"));
    assertTrue(metrics.contains("oca_promotion_files_total{result=\"promoted\"} 1.0"), grep(metrics, "oca_promotion"));
    assertTrue(metrics.contains("oca_rows_exported_total{table=\"oca_index\"} 2.0"), grep(metrics, "oca_rows"));
    assertTrue(grep(metrics, endToEnd).contains("workflow_type=\"OcaRun\""), "Temporal SDK metrics:\n" + grep(metrics, endToEnd));
  }

  @Test
  @Order(4)
  void startWithoutWaitPrintsTheWorkflowIdOfARunningRun() throws Exception {
    Cli started = Cli.run("start", "--temporal-address", address, "--parallel", "3", "--reprocess", "*2023-*");
    assertEquals(0, started.exitCode(), started.toString());
    String workflowId = started.out().strip();
    assertTrue(workflowId.startsWith("oca-run/manual-"), workflowId);
    RunResult result = client.newUntypedWorkflowStub(workflowId).getResult(30, TimeUnit.SECONDS, RunResult.class);
    assertEquals(1, result.filesSkipped(), "the file promoted by the first run");
    var input = client.fetchHistory(workflowId).getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getInput();
    assertEquals(
        org.ocaetl.workflows.model.RunRequest.of("*2023-*", 3),
        io.temporal.common.converter.DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
            0, java.util.Optional.of(input), org.ocaetl.workflows.model.RunRequest.class,
            org.ocaetl.workflows.model.RunRequest.class));

    Cli again = Cli.run("start", "--temporal-address", address, "--workflow-id", "oca-run/e2e-1");
    assertEquals(0, again.exitCode(), "a closed run's id can be reused: " + again);
  }

  @Test
  @Order(5)
  void backfillPurgesTombstonedCasesThroughTheBackfillWorkflow() throws Exception {
    execute("UPDATE " + schema + ".oca_metadata SET deletedate = '2024-03-09' WHERE indexnumberid = 'E2E-2'");

    Cli queued = Cli.run("backfill", "purge-tombstones", "--temporal-address", address);

    assertEquals(0, queued.exitCode(), queued.toString());
    assertTrue(queued.out().startsWith("Queued PURGE_TOMBSTONES in oca-backfill (run "), queued.out());
    JsonNode status = awaitBackfill(1);
    JsonNode outcome = status.get("recent").get(0);
    assertTrue(outcome.get("succeeded").asBoolean(), status.toString());
    assertTrue(outcome.get("summary").asText().startsWith("deleted "), outcome.toString());
    assertEquals(0, tables.rows(OcaTable.OCA_INDEX, "E2E-2"));
    assertEquals(0, tables.rows(OcaTable.OCA_PARTIES, "E2E-2"));
    assertEquals(1, tables.rows(OcaTable.OCA_INDEX, "E2E-1"));
    String metrics = Http.get(worker.metricsPort(), "/metrics").body();
    assertTrue(metrics.contains("oca_purge_rows_total{table=\"oca_index\"} 1.0"), grep(metrics, "oca_purge"));
    assertTrue(metrics.contains("oca_stage_duration_seconds_count{stage=\"publish\"} 2"), grep(metrics, "oca_stage"));

    Cli bad = Cli.run("backfill", "replay", "[", "--temporal-address", address);
    assertEquals(2, bad.exitCode(), "a malformed glob is a usage error: " + bad);
  }

  @Test
  @Order(6)
  void onShutdownAnInFlightActivityFinishes() throws Exception {
    Extracts.write(root.resolve("inbox"), "LandlordTenant.Incr.2024-03-15.zip", "2024-03-15",
        Extracts.live("E2E-4", "Queens Housing Court"));
    int port = worker.metricsPort();
    ProductionWorker first = worker;
    try (Connection lock = data.getConnection()) {
      // Hold the schema's promotion lock, so the run's Promote activity waits in flight.
      lock.setAutoCommit(false);
      PromotionLock.startTransaction(lock, SqlIdentifier.of(schema), PromotionSettings.DEFAULTS.sessionLimits());
      Cli started = Cli.run("start", "--temporal-address", address, "--workflow-id", "oca-run/e2e-shutdown");
      assertEquals(0, started.exitCode(), started.toString());
      awaitWaitingPromotion();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::close);
      Http.await(port, "/readyz", r -> r.statusCode() == 503 && r.body().equals("shutting down\n"), Duration.ofSeconds(10));
      assertEquals(200, Http.get(port, "/healthz").statusCode(), "alive while draining");
      assertFalse(stopping.isDone(), "the worker waits for the promotion");
      lock.rollback(); // the promotion gets the lock and finishes
      stopping.get(30, TimeUnit.SECONDS);
    }
    List<HistoryEvent> events = client.fetchHistory("oca-run/e2e-shutdown").getEvents();
    assertTrue(
        events.stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == promoteScheduledEventId(events)),
        "the in-flight Promote completed during the shutdown");
    assertEquals(1, promoteAttempt(events), "and was not retried");
    org.junit.jupiter.api.Assertions.assertThrows(
        java.io.UncheckedIOException.class, () -> Http.get(port, "/healthz"), "the ops port closes last");

    assertEquals("Queens Housing Court", tables.court("E2E-4"), "the promotion committed during the drain");
    // A real cluster hands the run's next workflow task to another worker once this one's sticky
    // queue times out (or at once, on the ShutdownWorker call). The test server implements neither,
    // so the hand-over itself is not shown here; the run waits for a worker.
    assertEquals(
        io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        client.newUntypedWorkflowStub("oca-run/e2e-shutdown").describe().getStatus());
  }

  @Test
  @Order(7)
  void onShutdownAHeartbeatingActivityStopsAtItsNextHeartbeatWithoutReporting() throws Exception {
    Path zip = new ExtractGenerator(GeneratorSettings.defaults().withCases(30_000)).generate(root.resolve("inbox"));
    String fileWorkflow = WorkflowIds.file(zip.getFileName().toString());
    ProductionWorker parsing = startWorker(root.resolve("work-c"));
    try {
      assertEquals(0, Cli.run("start", "--temporal-address", address, "--workflow-id", "oca-run/e2e-parse").exitCode());
      awaitStatus(fileWorkflow, "PARSING");
    } finally {
      Instant stopping = Instant.now();
      parsing.close();
      // The SDK refuses heartbeats once its worker shuts down: parse (heartbeat every 5,000
      // cases) gives up at once instead of using the 30 s grace.
      assertTrue(Duration.between(stopping, Instant.now()).toSeconds() < 20, "did not wait out the grace");
    }
    List<HistoryEvent> events = client.fetchHistory(fileWorkflow).getEvents();
    assertTrue(events.stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
        && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(FileActivities.PARSE)));
    assertTrue(
        events.stream().noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == scheduledEventId(events, FileActivities.PARSE)),
        "nothing reported: Temporal retries the parse after its heartbeat timeout (then the file starts over on another worker)");
  }

  private static void awaitStatus(String workflowId, String status) {
    Await.until(Duration.ofSeconds(60), workflowId + " to reach " + status, () -> {
      try {
        return status.equals(
            client.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes().get(OcaSearchAttributes.STATUS));
      } catch (io.temporal.client.WorkflowNotFoundException e) {
        return false; // not started yet
      }
    });
  }

  private static long scheduledEventId(List<HistoryEvent> events, String activityType) {
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
        .findFirst()
        .orElseThrow()
        .getEventId();
  }

  private static long promoteScheduledEventId(List<HistoryEvent> events) {
    return scheduledEventId(events, "Promote");
  }

  private static int promoteAttempt(List<HistoryEvent> events) {
    long scheduled = promoteScheduledEventId(events);
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
            && e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduled)
        .findFirst()
        .orElseThrow()
        .getActivityTaskStartedEventAttributes()
        .getAttempt();
  }

  private static void awaitWaitingPromotion() throws Exception {
    Await.until(Duration.ofSeconds(30), "the promotion to wait for the lock", () -> {
      try (Connection c = data.getConnection();
          Statement st = c.createStatement();
          var rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    });
  }

  private static JsonNode awaitBackfill(long handled) throws Exception {
    Cli status = Await.until(Duration.ofSeconds(30), "the backfill to finish",
        () -> Cli.run("backfill", "status", "--temporal-address", address), s -> handledAll(s, handled));
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out());
  }

  private static boolean handledAll(Cli status, long handled) {
    if (status.exitCode() != 0) {
      return false;
    }
    try {
      JsonNode progress = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out());
      return progress.get("handled").asLong() == handled && progress.get("current").isNull();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String grep(String text, String prefix) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
