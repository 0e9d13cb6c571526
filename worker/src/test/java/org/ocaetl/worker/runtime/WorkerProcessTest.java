package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.testing.Cli;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.worker.testing.Http;
import org.ocaetl.worker.testing.WorkerProcess;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * {@code oca worker} as a container runs it: its own JVM, configured by environment variables
 * only, the production logback.xml with {@code OCA_LOG_FORMAT=json}, stopped with SIGTERM.
 */
@Tag("slow")
class WorkerProcessTest {
  static final String PASSWORD = "s3cret-in-the-url";
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void configuredByEnvironmentItRunsLogsJsonAndStopsOnSigterm() throws Exception {
    int temporalPort = ClusterEndToEndTest.freePort();
    int metricsPort = ClusterEndToEndTest.freePort();
    try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort, true)) {
      String address = "127.0.0.1:" + temporalPort;
      assertEquals(0, Cli.run("search-attributes", "--register", "--temporal-address", address).exitCode());
      Path inbox = Files.createDirectories(root.resolve("inbox"));
      Extracts.write(inbox, "LandlordTenant.Incr.2024-03-08.zip", "2024-03-08", Extracts.live("ENV-1", "Bronx Housing Court"));

      Map<String, String> env =
          Map.ofEntries(
              Map.entry("OCA_TEMPORAL_ADDRESS", address),
              Map.entry("OCA_TEMPORAL_NAMESPACE", "default"),
              Map.entry("OCA_TASK_QUEUE", "oca-env-queue"),
              Map.entry("OCA_DATABASE_URL", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/" + postgres.name()),
              Map.entry("OCA_SCHEMA", "env_schema"),
              Map.entry("OCA_STORE", root.resolve("store").toString()),
              Map.entry("OCA_INBOX", inbox.toString()),
              Map.entry("OCA_WORK_DIR", root.resolve("work-from-env").toString()),
              Map.entry("OCA_PARALLEL", "1"),
              Map.entry("OCA_DUCKDB_MEMORY_LIMIT", "256MB"),
              Map.entry("OCA_DUCKDB_THREADS", "1"),
              Map.entry("OCA_METRICS_PORT", Integer.toString(metricsPort)),
              Map.entry("OCA_SHUTDOWN_GRACE_SECONDS", "20"),
              Map.entry("OCA_LOG_FORMAT", "json"));
      WorkerProcess worker = WorkerProcess.start(root, "worker", env);
      try {
        Http.await(metricsPort, "/readyz", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertTrue(Files.isDirectory(root.resolve("work-from-env")), "OCA_WORK_DIR");
        assertTrue(schemaExists(postgres, "env_schema"), "OCA_SCHEMA: migrated at start");

        RunResult result = runOn(address, "oca-env-queue");
        assertEquals(1, result.filesPromoted(), "OCA_TASK_QUEUE, OCA_INBOX, OCA_DATABASE_URL");
        assertTrue(Files.exists(root.resolve("store/public/oca_index.csv")), "OCA_STORE");
      } finally {
        worker.terminate();
      }
      assertTrue(worker.waitFor(60), "stops after SIGTERM");
      assertEquals(143, worker.exitValue(), "terminated by SIGTERM after the shutdown hook");

      String stderr = worker.stderr();
      assertEquals("", worker.stdout().strip(), "logs go to stderr only");
      List<JsonNode> logs = jsonLines(stderr);
      assertTrue(logs.stream().anyMatch(l -> l.get("message").asText().startsWith("Stopping: no new tasks")), stderr);
      assertTrue(logs.stream().anyMatch(l -> l.get("message").asText().equals("Stopped")), stderr);
      assertTrue(logs.stream().allMatch(l -> l.has("level") && l.has("loggerName") && l.has("timestamp")));
      assertFalse(stderr.contains(PASSWORD), "the database password is never logged");
    }
  }

  private static RunResult runOn(String address, String taskQueue) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      OcaRunWorkflow run =
          WorkflowClient.newInstance(service)
              .newWorkflowStub(
                  OcaRunWorkflow.class,
                  WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId("oca-run/env").build());
      return run.run(RunRequest.of(null, 1));
    } finally {
      service.shutdownNow();
    }
  }

  private static boolean schemaExists(PostgresDatabaseExtension postgres, String schema) throws Exception {
    try (Connection c = postgres.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) == 1;
      }
    }
  }

  /** The JSON log events; other stderr lines (the JVM's own warnings) are not logback's. */
  private static List<JsonNode> jsonLines(String stderr) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.startsWith("{")) {
        events.add(new ObjectMapper().readTree(line));
      }
    }
    assertFalse(events.isEmpty(), "no JSON log lines in:\n" + stderr);
    return events;
  }
}
