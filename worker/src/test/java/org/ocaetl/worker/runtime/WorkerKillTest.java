package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.SchemaDigest;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.OcaTables;
import org.ocaetl.worker.testing.PortBoundTemporal;
import org.ocaetl.worker.testing.WorkerProcess;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * A worker process killed with SIGKILL while it parses a file: nothing of it runs any more (no
 * shutdown hook, no heartbeat, no failure report), its DuckDB file and CSVs are left half-written
 * in its work folder. A worker process started afterwards on the same work folder (a restarted pod
 * keeps its volume) stages the file from scratch, and the database ends exactly as after a run
 * without the kill; nothing of the killed parse was applied.
 *
 * <p>Not shown here: Temporal noticing the dead worker by itself; {@link LostWorkerTest} shows that
 * for export, geocode and upload (the parse takes the same path: a missed heartbeat starts the file
 * over on another worker). Here the operator's way out stands in for it: the stuck run and its
 * file workflow are terminated and a new run is started.
 */
@Tag("slow")
class WorkerKillTest {
  private static final String SCHEMA = "killed";
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aWorkerKilledDuringParseIsReplacedAndTheDatabaseEndsAsWithoutTheKill() throws Exception {
    Path inbox = Files.createDirectories(root.resolve("inbox"));
    Path zip = new ExtractGenerator(GeneratorSettings.defaults().withCases(30_000)).generate(inbox);
    String fileName = zip.getFileName().toString();
    String fileWorkflow = WorkflowIds.file(fileName);
    try (PortBoundTemporal temporal = PortBoundTemporal.start()) {
      WorkflowClient client = temporal.client();
      Map<String, String> env = temporal.workerEnvironment(postgres, SCHEMA, root, inbox);
      OcaRunWorkflow run = client.newWorkflowStub(OcaRunWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(WorkflowIds.TASK_QUEUE).setWorkflowId("oca-run/killed").build());
      try (WorkerProcess first = WorkerProcess.start(root.resolve("logs"), "first", env)) {
        WorkflowClient.start(run::run, RunRequest.of(null, 1));
        // Past its first 5,000 cases.
        temporal.awaitActivity(fileWorkflow, FileActivities.PARSE, PendingActivityInfo::hasHeartbeatDetails,
            Duration.ofSeconds(90), "the parse of " + fileWorkflow + " to report progress");
        first.kill();
      }
      assertEquals(0, temporal.completed(fileWorkflow, FileActivities.PARSE), "killed before the parse completed");
      assertEquals(Map.of(), new OcaTables(postgres.dataSource(), SCHEMA).ledger(), "nothing promoted");
      client.newUntypedWorkflowStub("oca-run/killed").terminate("worker killed (test)");
      client.newUntypedWorkflowStub(fileWorkflow).terminate("worker killed (test)");

      RunResult result;
      try (WorkerProcess second = WorkerProcess.start(root.resolve("logs"), "second", env)) {
        OcaRunWorkflow again = client.newWorkflowStub(OcaRunWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(WorkflowIds.TASK_QUEUE).setWorkflowId("oca-run/after-kill").build());
        WorkflowClient.start(again::run, RunRequest.of(null, 1));
        result = temporal.runResult("oca-run/after-kill", Duration.ofSeconds(90), second);
        second.terminate();
        second.waitFor(30);
      }

      assertEquals(List.of(Outcome.PROMOTED), result.files().stream().map(f -> f.outcome()).toList(), result.toString());
      assertEquals(1, temporal.completed(fileWorkflow, FileActivities.PARSE), "the file's new workflow parsed it from scratch");

      assertEquals(
          EndToEnd.faultFreeDigest(postgres.database(), root.resolve("fault-free"), inbox, fileName),
          SchemaDigest.of(postgres.dataSource(), SCHEMA));
    }
  }
}
