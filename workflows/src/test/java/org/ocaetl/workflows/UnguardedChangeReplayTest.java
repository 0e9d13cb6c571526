package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.RunProgress;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * Why {@link WorkflowChanges} exists: the run's code with one more activity call, replayed against
 * a run recorded before it, fails as non-deterministic unless the call is behind {@code
 * Workflow.getVersion}.
 */
class UnguardedChangeReplayTest {
  static final String TEST_CHANGE = "test-publish-first";

  @Test
  void anActivityAddedWithoutGetVersionFailsReplay() {
    RecordedHistory run = RecordedHistory.named("run.json");

    Exception failure = assertThrows(Exception.class, () -> run.replay(RunPublishingFirstUnguarded.class));

    // The replayer reports the workflow task's failure as a message, not as a cause.
    assertTrue(
        String.valueOf(failure.getMessage()).contains(NonDeterministicException.class.getName()),
        () -> "expected a non-determinism failure, got " + failure);
  }

  @Test
  void theSameActivityBehindGetVersionReplays() {
    RecordedHistory run = RecordedHistory.named("run.json");

    assertDoesNotThrow(() -> run.replay(RunPublishingFirstGuarded.class));
  }

  /** The run, with a publish before it starts: a new command at the start of the history. */
  public static final class RunPublishingFirstUnguarded implements OcaRunWorkflow {
    private final OcaRunWorkflowImpl run = new OcaRunWorkflowImpl();

    @Override
    public RunResult run(RunRequest request) {
      publishFirst();
      return run.run(request);
    }

    @Override
    public RunProgress progress() {
      return run.progress();
    }
  }

  /** The same change, guarded as {@link WorkflowChanges} says. */
  public static final class RunPublishingFirstGuarded implements OcaRunWorkflow {
    private final OcaRunWorkflowImpl run = new OcaRunWorkflowImpl();

    @Override
    public RunResult run(RunRequest request) {
      if (Workflow.getVersion(TEST_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
        publishFirst();
      }
      return run.run(request);
    }

    @Override
    public RunProgress progress() {
      return run.progress();
    }
  }

  private static void publishFirst() {
    Workflow.newActivityStub(PromotionActivities.class, OcaActivityOptions.publish())
        .publish(new PublishRequest(List.of()));
  }
}
