package org.ocaetl.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.PromoteResult;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.PublishResult;

/** Applies staged files to the main tables and refreshes the public snapshot. */
@ActivityInterface
public interface PromotionActivities {

  /**
   * Applies the files in one transaction together with their ledger rows; a retry after a commit
   * finds them in the ledger and applies nothing twice.
   */
  @ActivityMethod(name = "Promote")
  PromoteResult promote(PromoteRequest request);

  /** Rewrites the public CSV snapshot from the main tables. */
  @ActivityMethod(name = "Publish")
  PublishResult publish(PublishRequest request);
}
