package org.ocaetl.workflows;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowSemaphore;
import java.util.ArrayList;
import java.util.List;
import org.ocaetl.workflows.model.DiscoveredFile;
import org.ocaetl.workflows.model.DiscoveryRequest;
import org.ocaetl.workflows.model.DiscoveryResult;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileRequest;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.NoticeDelivery;
import org.ocaetl.workflows.model.OcaStatus;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.PromoteRequest.StagedRef;
import org.ocaetl.workflows.model.PromoteResult;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.RunNotice;
import org.ocaetl.workflows.model.RunProgress;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;
import org.ocaetl.workflows.model.StagedLookup;
import org.ocaetl.workflows.model.StagingClaim;
import org.slf4j.Logger;

/**
 * The run: discovery, one {@link FileWorkflow} per file ({@code parallelism} at once), one
 * promotion transaction over the staged files in rule-1 order, then the public snapshot. A file
 * that fails never holds back the others: it is reported failed and stays pending (the ledger
 * has no row for it), so the next run picks it up again.
 *
 * <p>A run handles at most {@code maxFilesPerRun} files, then continues as new with the rest (the
 * history stays small however many files an initial load brings); outcomes are carried over.
 *
 * <p>Child ids are {@code oca-file/<name>} with ALLOW_DUPLICATE_FAILED_ONLY: a failed file is
 * staged again by the next run, and a file whose child already completed is not staged twice.
 * The child is the claim on staging its file: starting it while it runs (for another run, e.g. a
 * manual start beside the scheduled one) or after it completed fails with
 * WorkflowExecutionAlreadyStarted (the server has no "use existing" for children), and the run
 * then waits for that child to close ({@link WorkflowChanges#STAGING_CLAIM}). It reuses the staged
 * output when its report.json has the same checksum and parser version, and otherwise stages again
 * under {@link WorkflowIds#restage}, itself a claim the same way.
 *
 * <p>Determinism: workflow code only; time, randomness and ids come from {@code Workflow.*}.
 * Versioning: changes are guarded with {@code Workflow.getVersion} under the ids of {@link
 * WorkflowChanges} (its class comment has the convention). This workflow has five: in the
 * promotion {@link WorkflowChanges#REPLAY_FLAG} and {@link WorkflowChanges#PROMOTION_HEARTBEAT},
 * in the child start {@link WorkflowChanges#STAGING_CLAIM}, in publishing {@link
 * WorkflowChanges#PUBLISH_HEARTBEAT}, and the notification at its end, {@link
 * WorkflowChanges#RUN_NOTIFICATION}; the histories in workflows/src/test/resources/histories
 * replay both branches of each.
 */
public final class OcaRunWorkflowImpl implements OcaRunWorkflow {
  private static final Logger log = Workflow.getLogger(OcaRunWorkflowImpl.class);

  private final DiscoveryActivities discovery =
      Workflow.newActivityStub(DiscoveryActivities.class, OcaActivityOptions.discovery());
  private final FileActivities lookups =
      Workflow.newActivityStub(FileActivities.class, OcaActivityOptions.shared());
  private final FileActivities claims =
      Workflow.newActivityStub(FileActivities.class, OcaActivityOptions.awaitingStaging());
  private final PromotionActivities promotion =
      Workflow.newActivityStub(PromotionActivities.class, OcaActivityOptions.promotion());
  private final PromotionActivities heartbeatingPromotion =
      Workflow.newActivityStub(PromotionActivities.class, OcaActivityOptions.promotionHeartbeating());
  private final PromotionActivities publishing =
      Workflow.newActivityStub(PromotionActivities.class, OcaActivityOptions.publish());
  private final PromotionActivities heartbeatingPublishing =
      Workflow.newActivityStub(PromotionActivities.class, OcaActivityOptions.publishHeartbeating());
  private final NotificationActivities notification =
      Workflow.newActivityStub(NotificationActivities.class, OcaActivityOptions.notification());

  private OcaStatus status = OcaStatus.DISCOVERING;
  private RunTally tally = new RunTally(null);
  private int filesInSegment;
  private int filesLeftAfterSegment;
  private int filesStaging;
  private int filesStaged;
  private int segmentFailures;

  @Override
  public RunResult run(RunRequest request) {
    try {
      RunResult result = runSegment(request);
      notifyEnd(null);
      return result;
    } catch (ActivityFailure e) {
      // Discovery or the promotion failed for good: the run fails (and a scheduled run pauses the
      // schedule), so this is the notification people most need.
      notifyEnd(FailureTypes.reason(e));
      throw e;
    }
  }

  private RunResult runSegment(RunRequest request) {
    tally = new RunTally(request.carried());
    List<DiscoveredFile> files = request.pending();
    if (files == null) {
      setStatus(OcaStatus.DISCOVERING);
      DiscoveryResult found = discovery.discover(new DiscoveryRequest(request.reprocessGlob()));
      found.settled().forEach(tally::add);
      tally.ignored(found.ignored());
      files = found.files();
    }
    int segmentSize = Math.min(files.size(), request.maxFilesPerRun());
    List<DiscoveredFile> segment = files.subList(0, segmentSize);
    List<DiscoveredFile> rest = files.subList(segmentSize, files.size());
    filesInSegment = segment.size();
    filesLeftAfterSegment = rest.size();

    setStatus(OcaStatus.STAGING);
    List<Staging> stagings = stageAll(segment, request.parallelism());
    List<Staging> staged = stagings.stream().filter(Staging::staged).toList();
    List<PromoteResult.Promoted> promoted = staged.isEmpty() ? List.of() : promote(staged);
    recordOutcomes(stagings, promoted);
    if (!rest.isEmpty()) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      Workflow.continueAsNew(request.continueWith(rest, tally.result()));
    }
    if (tally.count(FileOutcome.Outcome.PROMOTED) > 0) {
      publish();
    }
    RunResult result = tally.result();
    Workflow.upsertTypedSearchAttributes(OcaSearchAttributes.CASES_FAILED.valueSet(tally.casesFailed()));
    setStatus(tally.clean() ? OcaStatus.PROMOTED : OcaStatus.PARTIAL);
    return result;
  }

  @Override
  public RunProgress progress() {
    return new RunProgress(
        status,
        filesInSegment,
        filesLeftAfterSegment,
        filesStaging,
        filesStaged,
        tally.count(FileOutcome.Outcome.FAILED) + segmentFailures,
        tally.count(FileOutcome.Outcome.PROMOTED));
  }

  /** What staging one file gave: its result, or why it failed. */
  private record Staging(DiscoveredFile file, FileResult result, String failure) {
    boolean staged() {
      return result != null;
    }
  }

  /** Stages the files, {@code parallelism} at once; returns one staging per file, in order. */
  private List<Staging> stageAll(List<DiscoveredFile> files, int parallelism) {
    WorkflowSemaphore slots = Workflow.newWorkflowSemaphore(parallelism);
    List<Promise<Staging>> stagings = new ArrayList<>();
    for (DiscoveredFile file : files) {
      slots.acquire(); // before the thread exists, so at most `parallelism` threads are alive
      filesStaging++;
      stagings.add(
          Async.function(
              () -> {
                try {
                  return stageOne(file);
                } finally {
                  filesStaging--;
                  slots.release();
                }
              }));
    }
    Promise.allOf(stagings).get();
    return stagings.stream().map(Promise::get).toList();
  }

  private Staging stageOne(DiscoveredFile file) {
    try {
      FileResult staged = stageOrReuse(file);
      filesStaged++;
      tally.staged(staged);
      return new Staging(file, staged, null);
    } catch (TemporalFailure e) {
      String reason = FailureTypes.reason(e);
      log.warn("{} failed: {}", file.fileName(), reason);
      segmentFailures++;
      return new Staging(file, null, reason);
    }
  }

  private FileResult stageOrReuse(DiscoveredFile file) {
    String fileWorkflowId = WorkflowIds.file(file.fileName());
    try {
      return runChild(fileWorkflowId, file);
    } catch (ChildWorkflowFailure e) {
      if (!(e.getCause() instanceof WorkflowExecutionAlreadyStarted)) {
        throw e;
      }
    }
    // oca-file/<name> has completed before, or is running for another run: the claim is theirs.
    StagedLookup lookup = lookupAfterClaim(fileWorkflowId, file);
    if (lookup.staged() != null) {
      log.info("{}: reusing the output staged earlier", file.fileName());
      return lookup.staged();
    }
    // The earlier output was made from other bytes or by an older parser (e.g. a replay after a
    // parser fix), or is not there (the claim failed): stage again under an id of its own for this
    // checksum and parser version, so a later run reuses that one instead of staging a third time.
    String restageId = WorkflowIds.restage(file.fileName(), file.sha256(), lookup.currentParserVersion());
    log.info("{}: staging again as {} ({})", file.fileName(), restageId, lookup.mismatch());
    try {
      return runChild(restageId, file);
    } catch (ChildWorkflowFailure e) {
      if (!(e.getCause() instanceof WorkflowExecutionAlreadyStarted)) {
        throw e;
      }
    }
    // That restaging completed before, or another run holds it now: its output is the staged output.
    StagedLookup again = lookupAfterClaim(restageId, file);
    if (again.staged() == null) {
      throw ApplicationFailure.newFailure(
          "staged output of " + restageId + " is not usable: " + again.mismatch(),
          FailureTypes.STAGED_OUTPUT_UNAVAILABLE);
    }
    return again.staged();
  }

  /**
   * What the file workflow {@code claimId}, started by another run or earlier, staged. Version 1
   * waits for it to close first, so two runs racing over a file stage it once; the old branch
   * looked at once and staged again when the other run had not finished.
   */
  private StagedLookup lookupAfterClaim(String claimId, DiscoveredFile file) {
    HostStep step = new HostStep(file.fileName(), file.sha256());
    if (Workflow.getVersion(WorkflowChanges.STAGING_CLAIM, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return claims.awaitStaged(new StagingClaim(claimId, file.fileName(), file.sha256()));
    }
    return lookups.findStaged(step);
  }

  private FileResult runChild(String workflowId, DiscoveredFile file) {
    ChildWorkflowOptions options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(OcaSearchAttributes.FILE_NAME, file.fileName())
                    .set(OcaSearchAttributes.EXTRACT_DATE, file.nameDate().toString())
                    .set(OcaSearchAttributes.STATUS, OcaStatus.DISCOVERED.name())
                    .build())
            .build();
    FileWorkflow child = Workflow.newChildWorkflowStub(FileWorkflow.class, options);
    return child.stage(new FileRequest(file.fileName(), file.sha256()));
  }

  /** One transaction for the segment's staged files, in rule-1 order. */
  private List<PromoteResult.Promoted> promote(List<Staging> staged) {
    setStatus(OcaStatus.PROMOTING);
    // Version 1 passes the operator's replay flag on, so a replayed file is applied again instead
    // of being skipped as already promoted. Runs started before it keep the old request.
    boolean passReplayFlag =
        Workflow.getVersion(WorkflowChanges.REPLAY_FLAG, Workflow.DEFAULT_VERSION, 1) >= 1;
    List<StagedRef> refs =
        staged.stream()
            .map(s -> StagedRef.of(s.result(), passReplayFlag && s.file().replay()))
            .toList();
    // Version 1 schedules the promotion with a heartbeat timeout (the activity heartbeats while its
    // transaction runs), so a dead worker is noticed in minutes, not after the StartToClose.
    PromotionActivities promoting =
        Workflow.getVersion(WorkflowChanges.PROMOTION_HEARTBEAT, Workflow.DEFAULT_VERSION, 1) >= 1
            ? heartbeatingPromotion
            : promotion;
    try {
      return promoting.promote(new PromoteRequest(refs)).files();
    } catch (ActivityFailure e) {
      // Nothing of the segment was applied (one transaction): the run fails and every file
      // stays pending; the next run reuses the staged output.
      setStatus(OcaStatus.FAILED);
      throw e;
    }
  }

  /** The segment's outcomes, in rule-1 order; {@code promoted} lists the staged files in order. */
  private void recordOutcomes(List<Staging> stagings, List<PromoteResult.Promoted> promoted) {
    int next = 0;
    for (Staging staging : stagings) {
      if (!staging.staged()) {
        tally.add(FileOutcome.failed(staging.file().fileName(), staging.failure()));
        continue;
      }
      FileResult file = staging.result();
      PromoteResult.Promoted outcome = promoted.get(next++);
      if (!outcome.alreadyPromoted()) {
        tally.promoted(file.extractDate());
      }
      tally.add(
          new FileOutcome(
              file.fileName(),
              outcome.alreadyPromoted() ? FileOutcome.Outcome.ALREADY_PROMOTED : FileOutcome.Outcome.PROMOTED,
              file.casesFailed() > 0 ? file.casesFailed() + " case(s) could not be converted" : null,
              file.casesFailed(),
              file.warnings(),
              file.drift()));
    }
    segmentFailures = 0;
  }

  /** Publishing failures do not undo the promotion: they are reported and the run is PARTIAL. */
  private void publish() {
    setStatus(OcaStatus.PUBLISHING);
    List<String> promotedFiles =
        tally.result().files().stream()
            .filter(f -> f.outcome() == FileOutcome.Outcome.PROMOTED)
            .map(FileOutcome::fileName)
            .toList();
    // Version 1 schedules publishing with a heartbeat timeout (the activity heartbeats).
    PromotionActivities publisher =
        Workflow.getVersion(WorkflowChanges.PUBLISH_HEARTBEAT, Workflow.DEFAULT_VERSION, 1) >= 1
            ? heartbeatingPublishing
            : publishing;
    try {
      publisher.publish(new PublishRequest(promotedFiles));
      tally.published();
    } catch (ActivityFailure e) {
      String reason = FailureTypes.reason(e);
      log.warn("publishing failed: {}", reason);
      tally.publishFailed(reason);
    }
  }

  /**
   * The run notification, after publishing (version 1 of {@link WorkflowChanges#RUN_NOTIFICATION}).
   * It never changes the run's outcome: the activity answers UNDELIVERED rather than failing, and
   * a failure anyway (a lost worker, the schedule-to-close) is only logged.
   */
  private void notifyEnd(String failure) {
    if (Workflow.getVersion(WorkflowChanges.RUN_NOTIFICATION, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    WorkflowInfo info = Workflow.getInfo();
    boolean schedulePaused = failure != null && info.getWorkflowId().startsWith(WorkflowIds.SCHEDULED_RUN);
    RunNotice notice =
        new RunNotice(info.getNamespace(), info.getWorkflowId(), info.getRunId(), failure, schedulePaused, tally.result());
    try {
      NoticeDelivery delivery = notification.notifyRun(notice);
      if (delivery.status() == NoticeDelivery.Status.UNDELIVERED) {
        log.warn("run notification not delivered after {} attempt(s): {}", delivery.attempts(), delivery.problem());
      }
    } catch (ActivityFailure e) {
      log.warn("run notification failed: {}", FailureTypes.reason(e));
    }
  }

  private void setStatus(OcaStatus next) {
    status = next;
    Workflow.upsertTypedSearchAttributes(OcaSearchAttributes.STATUS.valueSet(next.name()));
  }
}
