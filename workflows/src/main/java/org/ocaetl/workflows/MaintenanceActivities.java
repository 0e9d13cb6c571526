package org.ocaetl.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.ocaetl.workflows.model.PurgeResult;

/** Operator maintenance of the tables, run by the backfill workflow. */
@ActivityInterface
public interface MaintenanceActivities {

  /**
   * Deletes from the eleven data tables every case whose oca_metadata row has a deletedate (rule
   * 6), in one transaction serialised with promotions; oca_metadata keeps the tombstones.
   */
  @ActivityMethod(name = "PurgeTombstoned")
  PurgeResult purgeTombstoned();
}
