package org.ocaetl.worker.testing;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.PromotionActivities;
import org.ocaetl.workflows.model.ExportSummary;
import org.ocaetl.workflows.model.GeocodeSummary;
import org.ocaetl.workflows.model.HostAssignment;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.ParseSummary;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.PromoteResult;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.PublishResult;
import org.ocaetl.workflows.model.StagedLookup;
import org.ocaetl.workflows.model.StagingClaim;
import org.ocaetl.workflows.model.UploadSummary;

/**
 * The real activities with failures a real component cannot produce on demand: a worker that
 * dies after parsing, a transient fault, a crash right after the promotion committed. Also
 * counts calls, so tests can tell what ran again.
 */
public final class FaultyActivities {
  private FaultyActivities() {}

  public static final class Files implements FileActivities {
    private final FileActivities real;
    public final Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();
    /** File whose first parse completes and then "loses the worker" (throws). */
    public volatile String crashAfterParseOnce;
    /** File whose next export fails non-retryably (a fault that is gone on a rerun). */
    public volatile String failExportOnce;
    /** File whose every parse runs out of heap (as on a JVM without -XX:+CrashOnOutOfMemoryError). */
    public volatile String outOfMemoryOnParse;

    public Files(FileActivities real) {
      this.real = real;
    }

    public int parses(String fileName) {
      return parses.getOrDefault(fileName, new AtomicInteger()).get();
    }

    @Override
    public HostAssignment fetch(HostStep step) {
      return real.fetch(step);
    }

    @Override
    public ParseSummary parse(HostStep step) {
      parses.computeIfAbsent(step.fileName(), k -> new AtomicInteger()).incrementAndGet();
      if (step.fileName().equals(outOfMemoryOnParse)) {
        throw new OutOfMemoryError("Java heap space");
      }
      ParseSummary parsed = real.parse(step);
      if (step.fileName().equals(crashAfterParseOnce)) {
        crashAfterParseOnce = null;
        throw new IllegalStateException("injected: worker lost after parsing attempt "
            + Activity.getExecutionContext().getInfo().getAttempt());
      }
      return parsed;
    }

    @Override
    public ExportSummary export(HostStep step) {
      if (step.fileName().equals(failExportOnce)) {
        failExportOnce = null;
        throw ApplicationFailure.newNonRetryableFailure("injected transient fault", "InjectedFault");
      }
      return real.export(step);
    }

    @Override
    public GeocodeSummary geocode(HostStep step) {
      return real.geocode(step);
    }

    @Override
    public UploadSummary upload(HostStep step) {
      return real.upload(step);
    }

    @Override
    public StagedLookup findStaged(HostStep step) {
      return real.findStaged(step);
    }

    @Override
    public StagedLookup awaitStaged(StagingClaim claim) {
      return real.awaitStaged(claim);
    }
  }

  public static final class Promotion implements PromotionActivities {
    private final PromotionActivities real;
    public final AtomicInteger attempts = new AtomicInteger();
    /** The next promotion commits and then fails as if the worker died before reporting. */
    public volatile boolean failAfterCommitOnce;
    /** Runs after an attempt failed (before the retry), e.g. to look at the database. */
    public volatile Runnable afterFailedAttempt = () -> {};

    public Promotion(PromotionActivities real) {
      this.real = real;
    }

    @Override
    public PromoteResult promote(PromoteRequest request) {
      attempts.incrementAndGet();
      PromoteResult result;
      try {
        result = real.promote(request);
      } catch (RuntimeException e) {
        afterFailedAttempt.run();
        throw e;
      }
      if (failAfterCommitOnce) {
        failAfterCommitOnce = false;
        throw new IllegalStateException("injected: worker lost after the promotion committed");
      }
      return result;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
      return real.publish(request);
    }
  }
}
