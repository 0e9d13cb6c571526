package org.ocaetl.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.promote.FilePromotion;
import org.ocaetl.promote.LedgerConflictException;
import org.ocaetl.promote.PromotionLockTimeoutException;
import org.ocaetl.promote.PromotionRejectedException;
import org.ocaetl.promote.PromotionRequest;
import org.ocaetl.promote.PromotionResult;
import org.ocaetl.promote.PromotionTransaction;
import org.ocaetl.promote.StagedFile;
import org.ocaetl.publish.LevelTwoViews;
import org.ocaetl.publish.ParquetExporter;
import org.ocaetl.publish.PublicSnapshot;
import org.ocaetl.publish.SnapshotResult;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.PromotionActivities;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.PromoteResult;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promotion and publishing as activities. Failures are typed for the retry policy: a rejected
 * promotion (ledger conflict, invalid staged file) and a statement timeout never retry; a lock
 * timeout and any other database or store error do (the transaction rolled back).
 */
public final class PromotionActivitiesImpl implements PromotionActivities {
  private static final Logger log = LoggerFactory.getLogger(PromotionActivitiesImpl.class);

  private final PromotionTransaction promotion;
  private final PromotedFiles ledger;
  private final PublicSnapshot snapshot;
  private final String schema;
  private final PipelineMetrics metrics;

  public PromotionActivitiesImpl(
      PromotionTransaction promotion,
      PromotedFiles ledger,
      PublicSnapshot snapshot,
      String schema,
      PipelineMetrics metrics) {
    this.promotion = promotion;
    this.ledger = ledger;
    this.snapshot = snapshot;
    this.schema = schema;
    this.metrics = metrics;
  }

  @Override
  public PromoteResult promote(PromoteRequest request) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    List<StagedFile> files =
        request.files().stream().map(f -> new StagedFile(f.fileName(), f.extractDate(), f.sha256(), f.replay())).toList();
    // One transaction can run for minutes: heartbeat from a side thread so a dead worker is noticed
    // after the heartbeat timeout (the retry then runs the whole promotion again; the ledger makes
    // that safe).
    try (HeartbeatTicker ticker = HeartbeatTicker.start(Activity.getExecutionContext(), () -> "promoting")) {
      PromotionResult result = promotion.promote(new PromotionRequest(files, info.getWorkflowId(), info.getWorkflowRunId()));
      metrics.promoted(result);
      Set<String> byThisRun = info.getAttempt() > 1 ? promotedBy(info.getWorkflowRunId()) : Set.of();
      return new PromoteResult(
          result.files().stream().map(f -> promoted(f, byThisRun.contains(f.fileName()))).toList(),
          result.elapsedMillis());
    } catch (LedgerConflictException e) {
      throw Failures.nonRetryable(FailureTypes.LEDGER_CONFLICT, e.getMessage(), e);
    } catch (PromotionRejectedException e) {
      throw Failures.nonRetryable(e.getClass().getSimpleName().replace("Exception", ""), e.getMessage(), e);
    } catch (PromotionLockTimeoutException e) {
      throw ApplicationFailure.newFailureWithCause(e.getMessage(), FailureTypes.LOCK_TIMEOUT, e);
    } catch (SQLException e) {
      throw Failures.database(e);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  @Override
  public PublishResult publish(PublishRequest request) {
    // Exports run for minutes: heartbeat from a side thread so a dead worker is noticed after the
    // heartbeat timeout. A retry publishes from the start: the snapshot is one consistent read of
    // the tables, so parts written by the lost attempt cannot be kept.
    try (HeartbeatTicker ticker = HeartbeatTicker.start(Activity.getExecutionContext(), () -> "publishing")) {
      SnapshotResult result = snapshot.publish(schema);
      metrics.published(result.rowsPerObject().size(), Duration.ofMillis(result.elapsedMillis()));
      log.info("Published {} objects (data date {}) after promoting {}",
          result.rowsPerObject().size(), result.dataDate(), request.promotedFiles());
      return new PublishResult(result.rowsPerObject().size(), result.elapsedMillis());
    } catch (LevelTwoViews.GrantConfigurationException e) {
      throw Failures.nonRetryable("GrantConfiguration", e.getMessage(), e);
    } catch (ParquetExporter.DecimalTooWideException e) {
      throw Failures.nonRetryable("DecimalTooWide", e.getMessage(), e);
    } catch (SQLException | IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Files whose ledger rows this run wrote: an earlier attempt of this activity committed and then
   * failed to report (e.g. the worker died right after the commit). For the run they count as
   * promoted, not as "already promoted" by someone else; their counts stay in the ledger table.
   */
  private Set<String> promotedBy(String runId) throws SQLException {
    return ledger.all().values().stream()
        .filter(f -> runId.equals(f.runId()))
        .map(PromotedFiles.PromotedFile::fileName)
        .collect(Collectors.toSet());
  }

  private static PromoteResult.Promoted promoted(FilePromotion f, boolean byEarlierAttempt) {
    return new PromoteResult.Promoted(
        f.fileName(), f.alreadyPromoted() && !byEarlierAttempt, f.casesApplied(), f.casesSkippedOlder(),
        f.casesTombstoned(), f.casesDeleted(), f.rowsInserted());
  }
}
