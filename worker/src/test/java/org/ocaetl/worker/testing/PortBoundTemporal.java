package org.ocaetl.worker.testing;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ocaetl.testing.Await;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.workflows.model.RunResult;

/**
 * Temporal's test server on a free port, for {@code oca worker} processes in their own JVMs (which
 * a test can kill), with the search attributes registered, a client, and what the kill tests read
 * of a workflow: its pending activities and the activities its history completed.
 */
public final class PortBoundTemporal implements AutoCloseable {
  private final TestServer.PortBoundTestServer server;
  private final String address;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  private PortBoundTemporal(TestServer.PortBoundTestServer server, String address) {
    this.server = server;
    this.address = address;
    this.service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    this.client = WorkflowClient.newInstance(service);
  }

  public static PortBoundTemporal start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
    String address = "127.0.0.1:" + port;
    if (Cli.run("search-attributes", "--register", "--temporal-address", address).exitCode() != 0) {
      server.close();
      throw new IllegalStateException("could not register the search attributes");
    }
    return new PortBoundTemporal(server, address);
  }

  public String address() {
    return address;
  }

  public WorkflowClient client() {
    return client;
  }

  /**
   * The environment of a worker process on this server (one file at once, small DuckDB limits, any
   * metrics port); {@code root} holds the store and the work folder, shared by all workers as a
   * restarted pod keeps its volume.
   */
  public Map<String, String> workerEnvironment(PostgresDatabaseExtension postgres, String schema, Path root, Path inbox) {
    return Map.ofEntries(
        Map.entry("OCA_TEMPORAL_ADDRESS", address),
        Map.entry("OCA_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + postgres.name()),
        Map.entry("OCA_SCHEMA", schema),
        Map.entry("OCA_STORE", root.resolve("store").toString()),
        Map.entry("OCA_INBOX", inbox.toString()),
        Map.entry("OCA_WORK_DIR", root.resolve("work").toString()),
        Map.entry("OCA_PARALLEL", "1"),
        Map.entry("OCA_DUCKDB_MEMORY_LIMIT", "256MB"),
        Map.entry("OCA_DUCKDB_THREADS", "1"),
        Map.entry("OCA_METRICS_PORT", "0"));
  }

  /** The pending activity of type {@code activityType} of {@code workflowId}, if any (none before the workflow starts). */
  public Optional<PendingActivityInfo> pendingActivity(String workflowId, String activityType) {
    try {
      return service.blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace("default")
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
              .build())
          .getPendingActivitiesList().stream()
          .filter(a -> a.getActivityType().getName().equals(activityType))
          .findFirst();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** Waits (polling every few milliseconds) until {@code workflowId}'s pending {@code activityType} matches. */
  public PendingActivityInfo awaitActivity(
      String workflowId, String activityType, Predicate<PendingActivityInfo> condition, Duration timeout, String what) {
    return Await.until(timeout, what, () -> pendingActivity(workflowId, activityType).filter(condition),
        Optional::isPresent).get();
  }

  /** Waits up to four minutes until {@code workflowId}'s {@code activityType} has been started by a worker. */
  public PendingActivityInfo awaitStarted(String workflowId, String activityType) {
    return awaitActivity(workflowId, activityType, a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
        Duration.ofMinutes(4), activityType + " of " + workflowId + " to start");
  }

  /** The result of run {@code runId}, or an AssertionError with what {@code worker} logged when it does not end in time. */
  public RunResult runResult(String runId, Duration timeout, WorkerProcess worker) throws IOException {
    try {
      return client.newUntypedWorkflowStub(runId).getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, RunResult.class);
    } catch (TimeoutException e) {
      throw new AssertionError(runId + " did not finish; the worker logged:\n" + worker.stderr(), e);
    }
  }

  /** How many activities of type {@code activityType} completed in {@code workflowId}'s history. */
  public long completed(String workflowId, String activityType) {
    return attempts(workflowId, activityType, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).count();
  }

  /** The last started attempt of {@code workflowId}'s {@code activityType}. */
  public HistoryEvent lastStarted(String workflowId, String activityType) {
    return attempts(workflowId, activityType, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no started " + activityType + " in " + workflowId));
  }

  /** The events of {@code type} (started or completed) of {@code activityType}'s attempts. */
  private Stream<HistoryEvent> attempts(String workflowId, String activityType, EventType type) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    List<Long> scheduledIds = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
        .map(HistoryEvent::getEventId)
        .toList();
    return events.stream()
        .filter(e -> e.getEventType() == type
            && scheduledIds.contains(type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
                ? e.getActivityTaskStartedEventAttributes().getScheduledEventId()
                : e.getActivityTaskCompletedEventAttributes().getScheduledEventId()));
  }

  @Override
  public void close() {
    service.shutdownNow();
    server.close();
  }
}
