package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.workflows.model.GeocodeBackfillCounts;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.GeocodeBackfillResult;
import org.ocaetl.workflows.model.GeocodeBackfillSlice;
import org.ocaetl.workflows.model.GeocodeBackfillSliceResult;

/** Control flow of the geocode backfill on the time-skipping server, with an in-memory table. */
class GeocodeBackfillWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(GeocodeBackfillWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  /** Case ids "C00".."C24" without coordinates; each page geocodes its cases. */
  static final class FakeBackfill implements GeocodeBackfillActivities {
    final List<String> cases = new ArrayList<>();
    final List<String> cursors = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger attempts = new AtomicInteger();
    volatile boolean serviceDown;

    FakeBackfill(int count) {
      for (int i = 0; i < count; i++) {
        cases.add(String.format("C%02d", i));
      }
    }

    @Override
    public GeocodeBackfillSliceResult geocodeSlice(GeocodeBackfillSlice slice) {
      attempts.incrementAndGet();
      cursors.add(slice.afterIndexNumberId());
      if (serviceDown) {
        throw ApplicationFailure.newFailure("geocoding stopped: geoclient: HTTP 503", FailureTypes.GEOCODER_UNAVAILABLE);
      }
      String cursor = slice.afterIndexNumberId();
      GeocodeBackfillCounts counts = GeocodeBackfillCounts.ZERO;
      for (int page = 0; page < slice.pages(); page++) {
        String from = cursor;
        List<String> rows = cases.stream().filter(id -> id.compareTo(from) > 0).limit(slice.casesPerPage()).toList();
        if (rows.isEmpty()) {
          return new GeocodeBackfillSliceResult(cursor, true, counts);
        }
        cursor = rows.getLast();
        counts = counts.plus(new GeocodeBackfillCounts(1, rows.size(), rows.size() - 1, 1, 0));
        Activity.getExecutionContext().heartbeat(cursor);
      }
      return new GeocodeBackfillSliceResult(cursor, false, counts);
    }
  }

  FakeBackfill fake;
  WorkflowClient client;
  String taskQueue;

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    fake = new FakeBackfill(25);
    worker.registerActivitiesImplementations(fake);
    env.start();
    client = env.getWorkflowClient();
    taskQueue = options.getTaskQueue();
  }

  GeocodeBackfillWorkflow backfill() {
    return client.newWorkflowStub(GeocodeBackfillWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(WorkflowIds.GEOCODE_BACKFILL).build());
  }

  @Test
  void pagesThroughTheWholeTableContinuingAsNew() {
    GeocodeBackfillResult result = backfill().backfill(new GeocodeBackfillRequest("", 2, 3, 2, null, 0));

    assertTrue(result.finished());
    assertNull(result.stoppedBy());
    assertEquals("C24", result.lastIndexNumberId());
    assertEquals(new GeocodeBackfillCounts(13, 25, 12, 13, 0), result.counts(), "counts carried over every run");
    assertEquals(List.of("", "C05", "C11", "C17", "C23"), fake.cursors, "each slice starts where the last ended");
    assertEquals(2, result.runs(), "continued as new after every second slice");
  }

  /**
   * Records the backfill histories that {@link HistoryReplayTest} replays (see
   * src/test/resources/histories/README.md): a first run ending in continue-as-new, and the last
   * run, which completes.
   */
  @Test
  @EnabledIfSystemProperty(named = "oca.recordHistories", matches = "true")
  void recordHistories() throws IOException {
    GeocodeBackfillWorkflow stub = backfill();
    WorkflowExecution first = WorkflowClient.start(stub::backfill, new GeocodeBackfillRequest("", 4, 2, 2, null, 0));
    WorkflowStub.fromTyped(stub).getResult(GeocodeBackfillResult.class);
    Files.writeString(RecordHistories.OUT.resolve("geocode-backfill-segment.json"),
        client.fetchHistory(first.getWorkflowId(), first.getRunId()).toJson(true));
    Files.writeString(RecordHistories.OUT.resolve("geocode-backfill.json"),
        client.fetchHistory(WorkflowIds.GEOCODE_BACKFILL).toJson(true));
  }

  @Test
  void aServiceThatStaysDownEndsTheBackfillWithItsCursor() {
    GeocodeBackfillResult first = backfill().backfill(new GeocodeBackfillRequest("", 5, 2, 10, null, 0));
    assertTrue(first.finished());

    fake.serviceDown = true;
    fake.attempts.set(0);
    GeocodeBackfillResult result = backfill().backfill(new GeocodeBackfillRequest("C09", 5, 2, 10, null, 0));

    assertFalse(result.finished());
    assertEquals("C09", result.lastIndexNumberId(), "the next backfill starts here");
    assertTrue(result.stoppedBy().startsWith("GeocoderUnavailable: geocoding stopped"), result.stoppedBy());
    assertEquals(OcaActivityOptions.geocodeBackfill().getRetryOptions().getMaximumAttempts(), fake.attempts.get(),
        "retried with backoff before giving up");
  }
}
