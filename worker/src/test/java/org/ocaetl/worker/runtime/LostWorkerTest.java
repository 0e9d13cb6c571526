package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.model.OcaTable;
import org.ocaetl.testing.Await;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.SchemaDigest;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.PortBoundTemporal;
import org.ocaetl.worker.testing.WorkerProcess;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.OcaActivityOptions;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * A worker process killed with SIGKILL during export, geocode, upload or publish, with no operator
 * stepping in: the step misses its heartbeat (the production {@link OcaActivityOptions#STEP_HEARTBEAT})
 * and runs again on another worker (a second process started after the kill), and the run ends with
 * the database as after a run without the kill. A host step's file workflow takes the missed
 * heartbeat as the host lost and starts the file over; the publish, on the shared queue, is retried
 * by Temporal after its backoff.
 *
 * <p>The four kills run at once, each with its own port-bound test server, schema, folders,
 * geocoding stub and workers, so the class takes about as long as one of them. The workers geocode
 * with the Census batch service of a {@link GeocodingStub}; the fault-free run does the same.
 * Geocode is killed while the stub holds its first answer back (10 s a request); upload while it
 * waits to read its last CSV, which the test turned into a named pipe nobody writes (a stalled
 * disk; the file's work folder is rebuilt by the second worker). Workers run with {@code OCA_STICKY_WAIT_SECONDS=0}:
 * a cluster moves a workflow task that waits on a dead worker's sticky queue to the shared queue
 * after the sticky ScheduleToStart (5 s); Temporal's test server never does, so with sticky queues
 * a run would wait forever for its next workflow task once the step ran again. The activities,
 * their options and the workflows are the production ones.
 */
@Tag("slow")
class LostWorkerTest {
  /** A worker's start, the workflow task after the timeout and the test's polling, on a busy machine. */
  private static final Duration SLACK = Duration.ofSeconds(30);
  private static final String FETCH = "FetchRaw";
  /** The activity type of {@code PromotionActivities.publish}. */
  private static final String PUBLISH = "Publish";
  /** The publish's retry backoff after its heartbeat timeout: its retry policy's first interval. */
  private static final Duration PUBLISH_BACKOFF = OcaActivityOptions.publish().getRetryOptions().getInitialInterval();

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void aWorkerKilledMidStepIsNoticedAndTheStepRunsAgainOnAnotherWorker() throws Exception {
    Path extracts = Files.createDirectories(root.resolve("extracts"));
    String fileName = new ExtractGenerator(GeneratorSettings.defaults().withCases(30_000)).generate(extracts)
        .getFileName().toString();
    List<String> steps = List.of(FileActivities.EXPORT, FileActivities.GEOCODE, FileActivities.UPLOAD, PUBLISH);
    ExecutorService threads = Executors.newFixedThreadPool(steps.size() + 1);
    try {
      Future<Map<String, String>> faultFree = threads.submit(() -> {
        try (GeocodingStub stub = GeocodingStub.start()) {
          return EndToEnd.faultFreeDigest(postgres.database(), root.resolve("fault-free"),
              GeocodingSettings.fromEnvironment(census(stub)), extracts, fileName);
        }
      });
      List<Future<Map<String, String>>> killed = new ArrayList<>();
      for (String step : steps) {
        killed.add(threads.submit(() -> killedDuring(step, extracts, fileName)));
      }
      for (int i = 0; i < steps.size(); i++) {
        assertEquals(faultFree.get(), killed.get(i).get(), "killed during " + steps.get(i));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** A run whose worker is killed during {@code step}, checked; the database digest it ends with. */
  private Map<String, String> killedDuring(String step, Path extracts, String fileName) throws Exception {
    String schema = "lost_" + step.toLowerCase(Locale.ROOT);
    Path dir = Files.createDirectories(root.resolve(schema));
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.copy(extracts.resolve(fileName), inbox.resolve(fileName));
    String fileWorkflow = WorkflowIds.file(fileName);
    try (PortBoundTemporal temporal = PortBoundTemporal.start(); GeocodingStub stub = GeocodingStub.start()) {
      Map<String, String> env = new HashMap<>(temporal.workerEnvironment(postgres, schema, dir, inbox));
      env.put("OCA_STICKY_WAIT_SECONDS", "0");
      env.putAll(census(stub));
      if (step.equals(FileActivities.GEOCODE) || step.equals(FileActivities.UPLOAD)) {
        // The geocode waits for its answers: long enough to kill it, or to stall the upload after it.
        stub.failAlways(GeocodingStub.Route.CENSUS, new GeocodingStub.Fault.Slow(Duration.ofSeconds(10)));
      }
      WorkflowClient client = temporal.client();
      String runId = "oca-run/" + schema;
      OcaRunWorkflow run = client.newWorkflowStub(OcaRunWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(WorkflowIds.TASK_QUEUE).setWorkflowId(runId).build());
      Instant killedAt;
      try (WorkerProcess first = WorkerProcess.start(dir.resolve("logs"), "first", env)) {
        WorkflowClient.start(run::run, RunRequest.of(null, 1));
        Path stalled = null;
        if (step.equals(FileActivities.UPLOAD)) {
          temporal.awaitStarted(fileWorkflow, FileActivities.GEOCODE);
          stalled = lastCsvOf(dir.resolve("work"));
          Files.delete(stalled);
          if (new ProcessBuilder("mkfifo", stalled.toString()).start().waitFor() != 0) {
            throw new IllegalStateException("mkfifo " + stalled);
          }
          stub.failAlways(GeocodingStub.Route.CENSUS, null);
        }
        PendingActivityInfo running = temporal.awaitStarted(step.equals(PUBLISH) ? runId : fileWorkflow, step);
        if (step.equals(FileActivities.GEOCODE)) {
          Await.until(Duration.ofMinutes(1), "a Census request", () -> stub.requests(GeocodingStub.Route.CENSUS) > 0);
        }
        first.kill();
        killedAt = Instant.now();
        if (stalled != null) {
          Files.delete(stalled);
        }
        stub.failAlways(GeocodingStub.Route.CENSUS, null);
        assertTrue(running.getLastWorkerIdentity().startsWith(first.identityPrefix()), running.toString());
      }
      String stepWorkflow = step.equals(PUBLISH) ? runId : fileWorkflow;
      assertEquals(0, temporal.completed(stepWorkflow, step), "killed before " + step + " completed");

      try (WorkerProcess second = WorkerProcess.start(dir.resolve("logs"), "second", env)) {
        RunResult result = temporal.runResult(runId, Duration.ofMinutes(6), second);
        assertEquals(List.of(Outcome.PROMOTED), result.files().stream().map(f -> f.outcome()).toList(), result.toString());
        second.terminate();
        second.waitFor(30);

        // A host step times out in the history and starts the file over (from the fetch); the publish
        // is retried by Temporal, after its backoff, as attempt 2 (a retried attempt leaves no event).
        HistoryEvent again;
        if (step.equals(PUBLISH)) {
          again = temporal.lastStarted(runId, PUBLISH);
          assertEquals(2, again.getActivityTaskStartedEventAttributes().getAttempt(), again.toString());
        } else {
          List<HistoryEvent> history = client.fetchHistory(fileWorkflow).getEvents();
          assertEquals(List.of(TimeoutType.TIMEOUT_TYPE_HEARTBEAT), timeouts(history), step + " timed out once, by its heartbeat");
          again = temporal.lastStarted(fileWorkflow, FETCH);
        }
        assertTrue(again.getActivityTaskStartedEventAttributes().getIdentity().startsWith(second.identityPrefix()),
            again.toString());
        Duration after = Duration.between(killedAt, time(again));
        Duration bound = OcaActivityOptions.STEP_HEARTBEAT.plus(step.equals(PUBLISH) ? PUBLISH_BACKOFF : Duration.ZERO);
        assertTrue(after.compareTo(bound.plus(SLACK)) < 0, step + ": ran again " + after + " after the kill");
        assertTrue(temporal.lastStarted(stepWorkflow, step).getActivityTaskStartedEventAttributes().getIdentity()
            .startsWith(second.identityPrefix()), step + " ran again on the second worker");
        assertEquals(1, temporal.completed(stepWorkflow, step));
      }
      return SchemaDigest.of(postgres.dataSource(), schema);
    }
  }

  /** The Census batch service of {@code stub} (a few dozen requests for the file's addresses). */
  private static Map<String, String> census(GeocodingStub stub) {
    return Map.of("OCA_CENSUS_URL", stub.censusUrl().toString(), "OCA_CENSUS_CHUNK", "10000");
  }

  /** The CSV that upload puts last, in the file's work folder under {@code work}. */
  private static Path lastCsvOf(Path work) throws Exception {
    String last = OcaTable.values()[OcaTable.values().length - 1].csvName();
    try (Stream<Path> files = Files.find(work, 4, (p, a) -> p.getFileName().toString().equals(last))) {
      return files.findFirst().orElseThrow(() -> new AssertionError("no " + last + " under " + work));
    }
  }

  /** The timeout types of the activities that timed out in {@code history}. */
  private static List<TimeoutType> timeouts(List<HistoryEvent> history) {
    return history.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT)
        .map(e -> e.getActivityTaskTimedOutEventAttributes().getFailure().getTimeoutFailureInfo().getTimeoutType())
        .toList();
  }

  private static Instant time(HistoryEvent event) {
    Timestamp time = event.getEventTime();
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }
}
