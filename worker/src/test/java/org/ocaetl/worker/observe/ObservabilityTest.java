package org.ocaetl.worker.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ocaetl.testing.Await;

/** The series the alerts need from the worker itself, as its registry exports them. */
class ObservabilityTest {
  @ActivityInterface
  public interface Waiting {
    @ActivityMethod(name = "Wait")
    void waitForRelease();
  }

  @Test
  void readinessIsExportedAsOneOrZero() {
    AtomicReference<Optional<String>> problem = new AtomicReference<>(Optional.empty());
    try (Observability observability = new Observability()) {
      observability.exportReadiness(problem::get);
      assertTrue(observability.scrape().contains("\noca_worker_ready 1.0\n"), observability.scrape());
      problem.set(Optional.of("the Temporal worker is not polling"));
      assertTrue(observability.scrape().contains("\noca_worker_ready 0.0\n"), observability.scrape());
    }
  }

  @Test
  void anActivityIsTimedWhileItRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Observability observability = new Observability()) {
      TestActivityEnvironment env =
          TestActivityEnvironment.newInstance(
              TestEnvironmentOptions.newBuilder()
                  .setWorkerFactoryOptions(
                      WorkerFactoryOptions.newBuilder().setWorkerInterceptors(observability.activityTimer()).build())
                  .build());
      try {
        env.registerActivitiesImplementations((Waiting) () -> await(release));
        Waiting activity =
            env.newActivityStub(
                Waiting.class, ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
        CompletableFuture<Void> running = CompletableFuture.runAsync(activity::waitForRelease);

        Await.until(Duration.ofSeconds(10), "the activity counted as running",
            () -> running(observability, "count"), count -> count == 1);
        Await.until(Duration.ofSeconds(10), "its run time to grow",
            () -> running(observability, "max"), seconds -> seconds > 0);
        release.countDown();
        running.get(10, TimeUnit.SECONDS);
        assertEquals(0, running(observability, "count"));
        assertEquals(0, running(observability, "max"));
      } finally {
        release.countDown();
        env.close();
      }
    }
  }

  /** A sample of {@code oca_activity_running_seconds_<suffix>} for the activity type "Wait". */
  static double running(Observability observability, String suffix) {
    Matcher m =
        Pattern.compile("(?m)^oca_activity_running_seconds_" + suffix + "\\{activity_type=\"Wait\"} (\\S+)$")
            .matcher(observability.scrape());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  static void await(CountDownLatch release) {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
