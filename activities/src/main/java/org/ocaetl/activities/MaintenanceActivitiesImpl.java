package org.ocaetl.activities;

import java.sql.SQLException;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.purge.TombstonePurge;
import org.ocaetl.workflows.MaintenanceActivities;
import org.ocaetl.workflows.model.PurgeResult;

/**
 * The backfill's table maintenance. The purge is one transaction: a retry after a failure runs it
 * again from the start, and a retry after a commit finds nothing left to delete.
 */
public final class MaintenanceActivitiesImpl implements MaintenanceActivities {
  private final TombstonePurge purge;
  private final PipelineMetrics metrics;

  public MaintenanceActivitiesImpl(TombstonePurge purge, PipelineMetrics metrics) {
    this.purge = purge;
    this.metrics = metrics;
  }

  @Override
  public PurgeResult purgeTombstoned() {
    try {
      PurgeResult result = purge.purge();
      metrics.purged(result);
      return result;
    } catch (SQLException e) {
      throw Failures.database(e);
    }
  }
}
