package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
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
import org.ocaetl.worker.testing.PortBoundTemporal;
import org.ocaetl.worker.testing.WorkerProcess;
import org.ocaetl.workflows.OcaActivityOptions;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * A worker process killed with SIGKILL in the middle of a step, with no operator stepping in:
 * Temporal notices the lost worker after the step's heartbeat timeout (the production value,
 * {@link OcaActivityOptions#STEP_HEARTBEAT}), the step runs again on another worker, and the run
 * ends with the database as after a run without the kill.
 *
 * <p>The workers run with {@code OCA_STICKY_WAIT_SECONDS=0}. A cluster moves a workflow task that
 * waits on a dead worker's sticky queue to the shared queue after the sticky ScheduleToStart
 * (5 s); Temporal's test server never does, so with sticky queues the run would wait forever for
 * its next workflow task once the step's retry completed. The activities, their options and the
 * workflows are the production ones.
 */
@Tag("slow")
class LostWorkerTest {
  private static final String SCHEMA = "lost";
  /** The activity type of {@code PromotionActivities.publish}. */
  private static final String PUBLISH = "Publish";
  /** The slack for a worker's start and a test's polling. */
  private static final Duration SLACK = Duration.ofSeconds(20);

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;
  Path inbox;
  String fileName;

  @BeforeEach
  void oneExtract() throws Exception {
    inbox = Files.createDirectories(root.resolve("inbox"));
    fileName = new ExtractGenerator(GeneratorSettings.defaults().withCases(30_000)).generate(inbox)
        .getFileName().toString();
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aWorkerKilledDuringPublishIsNoticedAndThePublishRetriedOnAnotherWorker() throws Exception {
    String runId = "oca-run/lost-publish";
    try (PortBoundTemporal temporal = PortBoundTemporal.start()) {
      KilledRun killed = runKilledDuring(temporal, runId, runId, PUBLISH);

      HistoryEvent retry = temporal.lastStarted(runId, PUBLISH);
      assertTrue(retry.getActivityTaskStartedEventAttributes().getIdentity().startsWith(killed.secondIdentity()),
          retry.toString());
      assertEquals(2, retry.getActivityTaskStartedEventAttributes().getAttempt(), retry.toString());
      // The heartbeat timeout, then the retry's backoff (30 s).
      assertTrue(killed.after(retry).compareTo(OcaActivityOptions.STEP_HEARTBEAT.plusSeconds(30).plus(SLACK)) < 0,
          "retried " + killed.after(retry) + " after the kill");
      assertEquals(1, temporal.completed(runId, PUBLISH));
      assertEquals(faultFreeDigest(), SchemaDigest.of(postgres.dataSource(), SCHEMA));
    }
  }

  /** The run and the worker killed once {@code workflowId}'s {@code activityType} has started. */
  private KilledRun runKilledDuring(PortBoundTemporal temporal, String runId, String workflowId, String activityType)
      throws Exception {
    Map<String, String> env = new HashMap<>(temporal.workerEnvironment(postgres, SCHEMA, root, inbox));
    env.put("OCA_STICKY_WAIT_SECONDS", "0");
    WorkflowClient client = temporal.client();
    OcaRunWorkflow run = client.newWorkflowStub(OcaRunWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(WorkflowIds.TASK_QUEUE).setWorkflowId(runId).build());
    Instant killed;
    try (WorkerProcess first = WorkerProcess.start(root.resolve("logs"), "first", env)) {
      WorkflowClient.start(run::run, RunRequest.of(null, 1));
      PendingActivityInfo running = temporal.awaitStarted(workflowId, activityType);
      first.kill();
      killed = Instant.now();
      assertTrue(running.getLastWorkerIdentity().startsWith(first.identityPrefix()), running.toString());
    }
    assertEquals(0, temporal.completed(workflowId, activityType), "killed before " + activityType + " completed");

    try (WorkerProcess second = WorkerProcess.start(root.resolve("logs"), "second", env)) {
      RunResult result = temporal.runResult(runId, Duration.ofMinutes(4), second);
      assertEquals(List.of(Outcome.PROMOTED), result.files().stream().map(f -> f.outcome()).toList(), result.toString());
      second.terminate();
      second.waitFor(30);
      return new KilledRun(killed, second.identityPrefix());
    }
  }

  private Map<String, String> faultFreeDigest() throws Exception {
    return EndToEnd.faultFreeDigest(postgres.database(), root.resolve("fault-free"), inbox, fileName);
  }


  /** When the worker was killed and the identity of the worker that took over. */
  private record KilledRun(Instant at, String secondIdentity) {
    Duration after(HistoryEvent event) {
      Timestamp time = event.getEventTime();
      return Duration.between(at, Instant.ofEpochSecond(time.getSeconds(), time.getNanos()));
    }
  }
}
