package org.ocaetl.workflows;

/**
 * The change ids of every {@code Workflow.getVersion} call, in one place: when each change came,
 * what it changed, and when its old branch may go.
 *
 * <p>Convention: a change to the commands a workflow issues (activities, children, timers,
 * search-attribute upserts, continue-as-new), or a change that executions already running must not
 * see (such as what an activity receives), is guarded with
 * {@code Workflow.getVersion(ID, Workflow.DEFAULT_VERSION, 1)}; version 1 is the new code,
 * DEFAULT_VERSION the path of executions started before it. Each id needs a recorded history that
 * takes each branch (workflows/src/test/resources/histories, see its README): HistoryReplayTest
 * fails the build for an id that has none.
 *
 * <p>Removing an old branch: when no execution that started before the change can still be open
 * or replayed, i.e. once the namespace's retention period plus the longest run (a run that
 * continues as new counts until its last segment ends) has passed since the change was deployed
 * everywhere. Then delete the DEFAULT_VERSION branch and the histories without the change's marker,
 * and call {@code getVersion(ID, 1, 1)} so that an older history fails loudly instead of taking the
 * new path.
 */
public final class WorkflowChanges {
  private WorkflowChanges() {}

  /**
   * Introduced 2026-11-25 in {@link OcaRunWorkflowImpl}: the promotion request carries the
   * operator's replay flag of each file, so a replayed file is applied again instead of being
   * skipped as already promoted. Old branch: every file is sent with {@code replay = false}.
   * Remove it when no run started before 2026-11-25 can still be open or replayed (namespace
   * retention + the longest run after that date).
   */
  public static final String REPLAY_FLAG = "promote-replayed-files";

  /**
   * Introduced 2026-11-25 in {@link OcaRunWorkflowImpl}: the promotion is scheduled with {@link
   * OcaActivityOptions#promotionHeartbeating()} (a 2-minute heartbeat timeout), so a worker that
   * dies mid-promotion is noticed in minutes. Old branch: {@link OcaActivityOptions#promotion()},
   * no heartbeat timeout. Remove it when no run started before 2026-11-25 can still be open or
   * replayed (namespace retention + the longest run after that date).
   */
  public static final String PROMOTION_HEARTBEAT = "promotion-heartbeat";

  /**
   * Introduced 2026-12-03 in {@link OcaRunWorkflowImpl}: at the end of a run (after publishing, or
   * when discovery or the promotion failed) the run calls {@link NotificationActivities#notifyRun},
   * which tells the configured webhook. Old branch: no notification. Remove it when no run started
   * before 2026-12-03 can still be open or replayed (namespace retention + the longest run after
   * that date).
   */
  public static final String RUN_NOTIFICATION = "run-notification";

  /**
   * Introduced 2026-12-03 in {@link OcaRunWorkflowImpl}: a file workflow that another run started
   * first is the claim on staging that file; a run that finds it running waits for it to close
   * ({@link FileActivities#awaitStaged}) and reuses what it staged, instead of looking for output
   * that is not there yet and staging the file a second time. Old branch: {@link
   * FileActivities#findStaged} at once. Remove it when no run started before 2026-12-03 can still
   * be open or replayed (namespace retention + the longest run after that date).
   */
  public static final String STAGING_CLAIM = "staging-claim";

  /**
   * Introduced 2026-12-03 in {@link FileWorkflowImpl}: export, geocode and upload are scheduled
   * with a heartbeat timeout ({@link OcaActivityOptions#onHostMethodsHeartbeating}), so a worker
   * that dies during one is noticed in minutes. Old branch: {@link OcaActivityOptions#onHostMethods},
   * a heartbeat timeout for parse only. Remove it when no file workflow started before 2026-12-03
   * can still be open or replayed (namespace retention + the longest run after that date).
   */
  public static final String HOST_STEP_HEARTBEAT = "host-step-heartbeat";

  /**
   * Introduced 2026-12-03 in {@link OcaRunWorkflowImpl}: publishing is scheduled with {@link
   * OcaActivityOptions#publishHeartbeating()}. Old branch: {@link OcaActivityOptions#publish()}, no
   * heartbeat timeout. Remove it as {@link #HOST_STEP_HEARTBEAT}.
   */
  public static final String PUBLISH_HEARTBEAT = "publish-heartbeat";

  /**
   * Introduced 2026-12-03 in {@link FileWorkflowImpl}: parse, export, geocode and upload are
   * scheduled with one attempt each ({@link OcaActivityOptions#onHostMethodsOneAttempt}); the file
   * workflow retries a failed step on the same host itself ({@link
   * OcaActivityOptions#hostStepRetries()}, with timers), and a step that times out (heartbeat,
   * StartToClose or ScheduleToStart) means the host is lost: the file starts over on another
   * worker. Old branch: the server retries each step on the same host queue, and only a
   * ScheduleToStart timeout starts the file over. Remove it as {@link #HOST_STEP_HEARTBEAT}.
   */
  public static final String HOST_LOST_ON_TIMEOUT = "host-lost-on-timeout";
}
