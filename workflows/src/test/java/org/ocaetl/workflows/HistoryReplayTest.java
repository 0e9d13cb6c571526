package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.RunNotice;

/**
 * Replays recorded histories against the current workflow code: a change that alters the
 * command sequence of a run already in history (non-determinism) fails here, not in production.
 * Every {@link WorkflowChanges} id must have recorded histories on both sides of its {@code
 * getVersion}, so both branches are replayed. Replay compares commands, not activity options or
 * inputs, so the branch tests also check what each recorded run sent to the promotion.
 */
class HistoryReplayTest {
  /** Recorded before the versioned changes of the run: the DEFAULT_VERSION branch of each. */
  static final List<String> RUNS_BEFORE_THE_CHANGES = List.of("run.json", "run-segment.json");
  /** Recorded with the current code: version 1 of each change, over a replayed file. */
  static final String RUN_V1 = "run-v1-replay-flag-heartbeat.json";
  /** Recorded with the run notification: a clean file and one with a failed case. */
  static final String RUN_NOTIFIED = "run-notification.json";
  /** A run racing another over the same files, recorded with {@link WorkflowChanges#STAGING_CLAIM}. */
  static final String RUN_STAGING_CLAIM = "run-v1-staging-claim.json";
  /** Recorded with {@link WorkflowChanges#PUBLISH_HEARTBEAT} and its file workflow's {@link WorkflowChanges#HOST_STEP_HEARTBEAT}. */
  static final String RUN_STEP_HEARTBEATS = "run-v1-step-heartbeats.json";
  static final String FILE_V1 = "file-v1-heartbeat.json";
  /** Recorded with {@link WorkflowChanges#HOST_LOST_ON_TIMEOUT}: a host lost, then a step retried by the workflow. */
  static final String FILE_HOST_LOST_ON_TIMEOUT = "file-v1-host-lost-on-timeout.json";
  private static final List<String> STEPS_AFTER_PARSE = List.of(FileActivities.EXPORT, FileActivities.GEOCODE, FileActivities.UPLOAD);
  private static final List<String> HOST_STEPS =
      List.of(FileActivities.PARSE, FileActivities.EXPORT, FileActivities.GEOCODE, FileActivities.UPLOAD);

  @Test
  void historiesArePresent() throws IOException {
    assertFalse(RecordedHistory.all().isEmpty(), "no recorded histories in " + RecordedHistory.FOLDER.toAbsolutePath());
  }

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws IOException {
    return RecordedHistory.all().stream()
        .map(
            history ->
                DynamicTest.dynamicTest(
                    history.name(),
                    () ->
                        history.replay(
                            OcaRunWorkflowImpl.class,
                            FileWorkflowImpl.class,
                            GeocodeBackfillWorkflowImpl.class,
                            BackfillWorkflowImpl.class)));
  }

  /** A new change id without histories for both of its branches fails the build here. */
  @TestFactory
  Stream<DynamicTest> everyChangeIdHasAHistoryOnEachSide() throws IOException {
    List<RecordedHistory> histories = RecordedHistory.all();
    return changeIds().stream()
        .map(
            changeId ->
                DynamicTest.dynamicTest(
                    changeId,
                    () -> {
                      List<RecordedHistory> taking =
                          histories.stream().filter(h -> h.versionMarkers().containsKey(changeId)).toList();
                      assertFalse(taking.isEmpty(), "no recorded history has a version marker for "
                          + changeId + "; record one (see histories/README.md)");
                      List<String> types = taking.stream().map(RecordedHistory::workflowType).distinct().toList();
                      assertTrue(
                          histories.stream()
                              .anyMatch(h -> types.contains(h.workflowType()) && !h.versionMarkers().containsKey(changeId)),
                          "no recorded " + types + " history without the marker of " + changeId
                              + ": keep one recorded before the change");
                    }));
  }

  @Test
  void runsRecordedBeforeTheChangesTakeTheDefaultBranch() {
    for (String name : RUNS_BEFORE_THE_CHANGES) {
      RecordedHistory run = RecordedHistory.named(name);
      assertEquals(Map.of(), run.versionMarkers(), name);
      ActivityTaskScheduledEventAttributes promote = promotion(run);
      assertEquals(Duration.ZERO, heartbeatTimeout(promote), name + ": promotion without heartbeat timeout");
      assertTrue(RecordedHistory.decode(promote.getInput(), PromoteRequest.class).files().stream()
          .noneMatch(PromoteRequest.StagedRef::replay), name);
    }
  }

  @Test
  void theVersionOneRunTakesTheNewBranches() {
    RecordedHistory run = RecordedHistory.named(RUN_V1);
    assertEquals(
        Map.of(WorkflowChanges.REPLAY_FLAG, 1, WorkflowChanges.PROMOTION_HEARTBEAT, 1), run.versionMarkers());
    ActivityTaskScheduledEventAttributes promote = promotion(run);
    assertEquals(
        OcaActivityOptions.promotionHeartbeating().getHeartbeatTimeout(), heartbeatTimeout(promote));
    assertTrue(RecordedHistory.decode(promote.getInput(), PromoteRequest.class).files().stream()
        .allMatch(PromoteRequest.StagedRef::replay), "the replayed file is promoted with its replay flag");
    assertEquals(1, run.scheduled("Publish").size(), "the replayed file was applied again, so the run publishes");
  }

  @Test
  void theNotifiedRunNotifiesOnceAfterPublishing() {
    RecordedHistory run = RecordedHistory.named(RUN_NOTIFIED);
    assertEquals(1, run.versionMarkers().get(WorkflowChanges.RUN_NOTIFICATION));
    List<ActivityTaskScheduledEventAttributes> notices = run.scheduled("NotifyRun");
    assertEquals(1, notices.size());
    RunNotice notice = RecordedHistory.decode(notices.get(0).getInput(), RunNotice.class);
    assertTrue(notice.result().published(), "sent after publishing");
    assertEquals(1, notice.result().firstCaseFailures().size());
    assertNull(notice.result().firstCaseFailures().get(0).value(), "no value in history");
    for (String older : List.of("run.json", "run-segment.json", RUN_V1)) {
      assertTrue(RecordedHistory.named(older).scheduled("NotifyRun").isEmpty(), older);
    }
  }

  @Test
  void theRacingRunWaitsOnTheClaimsInsteadOfLookingAtOnce() {
    RecordedHistory run = RecordedHistory.named(RUN_STAGING_CLAIM);
    assertEquals(1, run.versionMarkers().get(WorkflowChanges.STAGING_CLAIM));
    assertEquals(2, run.scheduled("AwaitStaged").size(), "one wait per file");
    assertEquals(List.of(), run.scheduled("FindStaged"));
    for (String name : List.of("run.json", RUN_V1)) {
      RecordedHistory before = RecordedHistory.named(name);
      assertFalse(before.versionMarkers().containsKey(WorkflowChanges.STAGING_CLAIM), name);
      assertEquals(List.of(), before.scheduled("AwaitStaged"), name + ": the reused file is looked up at once");
      assertEquals(1, before.scheduled("FindStaged").size(), name);
    }
  }

  @Test
  void everyStepAfterParseHeartbeatsFromVersionOne() {
    RecordedHistory file = RecordedHistory.named(FILE_V1);
    assertEquals(Map.of(WorkflowChanges.HOST_STEP_HEARTBEAT, 1), file.versionMarkers());
    for (String step : STEPS_AFTER_PARSE) {
      assertEquals(OcaActivityOptions.STEP_HEARTBEAT, heartbeatTimeout(only(file, step)), step);
    }
    RecordedHistory before = RecordedHistory.named("file.json");
    for (String step : STEPS_AFTER_PARSE) {
      assertEquals(Duration.ZERO, heartbeatTimeout(only(before, step)), "file.json: " + step);
    }

    RecordedHistory run = RecordedHistory.named(RUN_STEP_HEARTBEATS);
    assertEquals(1, run.versionMarkers().get(WorkflowChanges.PUBLISH_HEARTBEAT));
    assertEquals(OcaActivityOptions.STEP_HEARTBEAT, heartbeatTimeout(only(run, "Publish")));
    assertEquals(Duration.ZERO, heartbeatTimeout(only(RecordedHistory.named("run.json"), "Publish")), "run.json");
  }

  @Test
  void hostStepsHaveOneAttemptEachAndAreRetriedByTheWorkflowFromVersionOne() {
    RecordedHistory file = RecordedHistory.named(FILE_HOST_LOST_ON_TIMEOUT);
    assertEquals(1, file.versionMarkers().get(WorkflowChanges.HOST_LOST_ON_TIMEOUT));
    for (String step : HOST_STEPS) {
      for (ActivityTaskScheduledEventAttributes scheduled : file.scheduled(step)) {
        assertEquals(1, scheduled.getRetryPolicy().getMaximumAttempts(), step);
      }
    }
    assertEquals(2, file.scheduled("FetchRaw").size(), "the first host vanished: the file started over");
    assertEquals(2, file.scheduled(FileActivities.GEOCODE).size(), "the failed geocode was scheduled again");
    assertEquals(List.of(OcaActivityOptions.hostStepRetries().getInitialInterval()), timers(file));

    for (String name : List.of("file.json", "file-host-lost.json", FILE_V1)) {
      RecordedHistory before = RecordedHistory.named(name);
      assertFalse(before.versionMarkers().containsKey(WorkflowChanges.HOST_LOST_ON_TIMEOUT), name);
      for (String step : HOST_STEPS) {
        for (ActivityTaskScheduledEventAttributes scheduled : before.scheduled(step)) {
          assertEquals(OcaActivityOptions.hostStepRetries().getMaximumAttempts(), scheduled.getRetryPolicy().getMaximumAttempts(),
              name + ": " + step + " retried by the server");
        }
      }
    }
  }

  private static List<Duration> timers(RecordedHistory history) {
    return history.history().getEvents().stream()
        .filter(e -> e.hasTimerStartedEventAttributes())
        .map(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout())
        .map(d -> Duration.ofSeconds(d.getSeconds(), d.getNanos()))
        .toList();
  }

  private static ActivityTaskScheduledEventAttributes only(RecordedHistory history, String activityType) {
    List<ActivityTaskScheduledEventAttributes> scheduled = history.scheduled(activityType);
    assertEquals(1, scheduled.size(), history.name() + ": " + activityType);
    return scheduled.get(0);
  }

  private static ActivityTaskScheduledEventAttributes promotion(RecordedHistory run) {
    List<ActivityTaskScheduledEventAttributes> promotions = run.scheduled("Promote");
    assertEquals(1, promotions.size(), run.name());
    return promotions.get(0);
  }

  private static Duration heartbeatTimeout(ActivityTaskScheduledEventAttributes activity) {
    return Duration.ofSeconds(activity.getHeartbeatTimeout().getSeconds(), activity.getHeartbeatTimeout().getNanos());
  }

  /** The public String constants of {@link WorkflowChanges}: every change id, including new ones. */
  static List<String> changeIds() {
    return Arrays.stream(WorkflowChanges.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(HistoryReplayTest::value)
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
