package org.ocaetl.workflows;

import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One history of src/test/resources/histories, read with the SDK's own JSON format. */
record RecordedHistory(String name, String json, WorkflowExecutionHistory history) {
  static final Path FOLDER = Path.of("src/test/resources/histories");

  /** Marker name and detail keys of {@code Workflow.getVersion} markers (the SDK's format). */
  private static final String VERSION_MARKER = "Version";
  private static final String CHANGE_ID = "changeId";
  private static final String VERSION = "version";
  /**
   * The SDK's deadlock detector fails a workflow task whose thread runs 1 s without yielding; a
   * first replay that loads the SDK's and the workflow's classes on a busy 2-core machine can take
   * that long. Replays here are judged on determinism only.
   */
  private static final long REPLAY_DEADLOCK_TIMEOUT_MILLIS = 30_000;

  static List<RecordedHistory> all() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .map(p -> named(p.getFileName().toString()))
          .toList();
    }
  }

  static RecordedHistory named(String name) {
    try {
      String json = Files.readString(FOLDER.resolve(name));
      return new RecordedHistory(name, json, WorkflowExecutionHistory.fromJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replays this history against the given workflow implementations ({@link WorkflowReplayer});
   * throws when the code issues other commands than the history recorded.
   */
  void replay(Class<?>... workflowTypes) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      String taskQueue =
          history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getTaskQueue().getName();
      Worker worker =
          env.newWorker(
              taskQueue,
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(REPLAY_DEADLOCK_TIMEOUT_MILLIS).build());
      worker.registerWorkflowImplementationTypes(workflowTypes);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
  }

  String workflowType() {
    return history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
  }

  /** The {@code getVersion} markers: change id to the version this execution took. */
  Map<String, Integer> versionMarkers() {
    Map<String, Integer> markers = new LinkedHashMap<>();
    for (HistoryEvent event : history.getEvents()) {
      MarkerRecordedEventAttributes marker = event.getMarkerRecordedEventAttributes();
      if (event.hasMarkerRecordedEventAttributes() && marker.getMarkerName().equals(VERSION_MARKER)) {
        markers.put(
            decode(marker.getDetailsOrThrow(CHANGE_ID), String.class),
            decode(marker.getDetailsOrThrow(VERSION), Integer.class));
      }
    }
    return markers;
  }

  /** The scheduling of every activity of this type, in history order. */
  List<ActivityTaskScheduledEventAttributes> scheduled(String activityType) {
    return history.getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals(activityType))
        .toList();
  }

  static <T> T decode(Payloads payloads, Class<T> type) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(payloads), type, type);
  }
}
