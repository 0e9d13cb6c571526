package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.promote.PromotionTransaction;
import org.ocaetl.promote.StagedFile;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.publish.PublicSnapshot;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.workflows.PromotionActivities;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.PromoteResult;
import org.ocaetl.workflows.model.PublishRequest;

/** The promotion activity on a real database: it heartbeats while its transaction runs. */
class PromotionActivitiesImplTest {
  private static final String SCHEMA = "oca";
  @RegisterExtension
  private static final PostgresDatabaseExtension db = new PostgresDatabaseExtension().withSchema(SCHEMA);

  @TempDir Path root;
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  @Test
  void promotesAndHeartbeatsWhileTheTransactionRuns() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    StagedFile file =
        StagedFileFixture.file("LandlordTenant.Incr.2024-03-01.zip").fullVersion("LT-1", "v1").writeTo(store);
    List<Object> heartbeats = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(Object.class, heartbeats::add);
    PromotionActivities activities = activities(store);

    PromoteResult result = activities.promote(promoting(file));

    assertEquals(1, result.files().size());
    assertFalse(heartbeats.isEmpty(), "the promotion heartbeats from the start of its transaction");
    assertTrue(new PromotedFiles(db.dataSource(), SCHEMA).all().containsKey(file.fileName()));
  }

  @Test
  void aNumberParquetCannotHoldFailsThePublishWithoutRetry() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    StagedFile file = StagedFileFixture.file("LandlordTenant.Incr.2024-02-02.zip")
        .version("LT-WIDE", c -> c.index("primaryclaimtotal", "1" + "0".repeat(38)))
        .writeTo(store);
    PromotionActivities activities = activities(store);
    activities.promote(promoting(file));

    ActivityFailure e = assertThrows(ActivityFailure.class, () -> activities.publish(new PublishRequest(List.of())));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, e.getCause());
    assertEquals("DecimalTooWide", cause.getType());
    assertTrue(cause.isNonRetryable(), "the same snapshot fails the same way");
    String message = cause.getOriginalMessage();
    assertTrue(message.startsWith("Published relation oca_index, column primaryclaimtotal: a value with 39 integer"
        + " digits and a scale of "), message); // the scale depends on the other test's rows in this schema
    assertTrue(message.endsWith(" does not fit a Parquet DECIMAL of 38 digits; no Parquet file written"), message);
  }

  /** The production activities over the test database and {@code store}, registered in this test's environment. */
  private PromotionActivities activities(LocalObjectStore store) {
    env.registerActivitiesImplementations(
        new PromotionActivitiesImpl(
            new PromotionTransaction(db.dataSource(), SCHEMA, store),
            new PromotedFiles(db.dataSource(), SCHEMA),
            new PublicSnapshot(db.dataSource(), store),
            SCHEMA,
            PipelineMetrics.noop()));
    return env.newActivityStub(PromotionActivities.class);
  }

  /** The promotion of one staged file, as the run asks for it (not a replay). */
  private static PromoteRequest promoting(StagedFile file) {
    return new PromoteRequest(
        List.of(new PromoteRequest.StagedRef(file.fileName(), file.extractDate(), file.sha256(), false)));
  }

  @Test
  void heartbeatsFourTimesPerHeartbeatTimeout() {
    assertEquals(Duration.ofSeconds(30), HeartbeatTicker.interval(Duration.ofMinutes(2)));
    assertEquals(Duration.ofSeconds(30), HeartbeatTicker.interval(Duration.ZERO), "none set: every 30 s");
    assertEquals(Duration.ofSeconds(1), HeartbeatTicker.interval(Duration.ofMillis(400)), "at most once a second");
  }
}
