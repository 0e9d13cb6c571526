package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.worker.testing.Http;
import org.ocaetl.worker.testing.PortBoundTemporal;
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
    int metricsPort = ClusterEndToEndTest.freePort();
    try (PortBoundTemporal temporal = PortBoundTemporal.start()) {
      Path inbox = Files.createDirectories(root.resolve("inbox"));
      Extracts.write(inbox, "LandlordTenant.Incr.2024-03-08.zip", "2024-03-08", Extracts.live("ENV-1", "Bronx Housing Court"));

      // The environment of every worker-process test (OCA_TEMPORAL_ADDRESS, OCA_SCHEMA, OCA_STORE,
      // OCA_INBOX, OCA_WORK_DIR, OCA_PARALLEL, the DuckDB limits) and the variables only this test sets.
      Map<String, String> env = new HashMap<>(temporal.workerEnvironment(postgres, "env_schema", root, inbox));
      env.putAll(
          Map.of(
              "OCA_TEMPORAL_NAMESPACE", "default",
              "OCA_TASK_QUEUE", "oca-env-queue",
              "OCA_DATABASE_URL", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/" + postgres.name(),
              "OCA_METRICS_PORT", Integer.toString(metricsPort),
              "OCA_SHUTDOWN_GRACE_SECONDS", "20",
              "OCA_LOG_FORMAT", "json"));
      WorkerProcess worker = WorkerProcess.start(root, "worker", env);
      try {
        Http.await(metricsPort, "/readyz", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertTrue(Files.isDirectory(root.resolve("work")), "OCA_WORK_DIR");
        assertTrue(schemaExists(postgres, "env_schema"), "OCA_SCHEMA: migrated at start");

        RunResult result = runOn(temporal.client(), "oca-env-queue");
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

  private static RunResult runOn(WorkflowClient client, String taskQueue) {
    OcaRunWorkflow run = client.newWorkflowStub(
        OcaRunWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId("oca-run/env").build());
    return run.run(RunRequest.of(null, 1));
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
