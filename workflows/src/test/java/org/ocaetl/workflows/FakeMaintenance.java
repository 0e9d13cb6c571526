package org.ocaetl.workflows;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.PurgeResult;

/**
 * In-memory maintenance activity and geocode backfill workflow for the backfill workflow's tests
 * (the real purge runs against PostgreSQL in the activities module's tests).
 */
final class FakeMaintenance implements MaintenanceActivities {
  /** When set, the purge waits for it (to observe requests queued behind it). */
  volatile CountDownLatch purgeGate;
  volatile String purgeFailure;
  volatile long rowsPerTable = 2;
  final AtomicInteger purges = new AtomicInteger();

  @Override
  public PurgeResult purgeTombstoned() {
    try {
      CountDownLatch gate = purgeGate;
      if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("purge gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    if (purgeFailure != null) {
      throw ApplicationFailure.newNonRetryableFailure(purgeFailure, "PurgeFailed");
    }
    purges.incrementAndGet();
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("oca_causes", rowsPerTable);
    rows.put("oca_index", rowsPerTable == 0 ? 0 : 1L);
    return new PurgeResult(1, rows, 3);
  }

  /** Stands in for the geocode backfill, registered under the agreed workflow type. */
  @WorkflowInterface
  public interface GeocodeBackfill {
    @WorkflowMethod(name = WorkflowIds.GEOCODE_BACKFILL_TYPE)
    String geocode(GeocodeBackfillRequest request);
  }

  public static final class GeocodeBackfillImpl implements GeocodeBackfill {
    @Override
    public String geocode(GeocodeBackfillRequest request) {
      return "geocoded after '" + request.afterIndexNumberId() + "'";
    }
  }
}
