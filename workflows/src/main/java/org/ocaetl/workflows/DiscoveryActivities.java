package org.ocaetl.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.ocaetl.workflows.model.DiscoveryRequest;
import org.ocaetl.workflows.model.DiscoveryResult;

/** Finds the raw files a run must handle and archives new ones. */
@ActivityInterface
public interface DiscoveryActivities {

  /**
   * Lists the raw inbox, archives each new extract file (a name archived earlier with other
   * content fails), drops files the ledger holds with the same checksum, adds archived files
   * matching the reprocess glob, and returns them in rule-1 order.
   */
  @ActivityMethod(name = "Discover")
  DiscoveryResult discover(DiscoveryRequest request);
}
