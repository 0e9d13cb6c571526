package org.ocaetl.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.ocaetl.geocode.GeocodeBackfill;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.GeocodeBackfillActivities;
import org.ocaetl.workflows.model.GeocodeBackfillCounts;
import org.ocaetl.workflows.model.GeocodeBackfillSlice;
import org.ocaetl.workflows.model.GeocodeBackfillSliceResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The geocode backfill activity: pages of {@link GeocodeBackfill} with this worker's geocoders.
 * The cursor and counts are heartbeat details after every page, and again from a {@link
 * HeartbeatTicker} while a page waits on a slow service; a retry resumes from them. When a
 * service stops answering during a page, the answers it did give are written, and the slice fails
 * with the retryable {@link FailureTypes#GEOCODER_UNAVAILABLE} at that page's start.
 */
public final class GeocodeBackfillActivitiesImpl implements GeocodeBackfillActivities {
  private static final Logger log = LoggerFactory.getLogger(GeocodeBackfillActivitiesImpl.class);

  private final Geocoding geocoding;
  private final GeocodeBackfill backfill;

  /** The cursor and counts of a slice so far. */
  public record Progress(String cursor, GeocodeBackfillCounts counts) {}

  public GeocodeBackfillActivitiesImpl(Geocoding geocoding, GeocodeBackfill backfill) {
    this.geocoding = geocoding;
    this.backfill = backfill;
  }

  @Override
  public GeocodeBackfillSliceResult geocodeSlice(GeocodeBackfillSlice slice) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Optional<Progress> resumed = context.getHeartbeatDetails(Progress.class);
    AtomicReference<Progress> progress = new AtomicReference<>(
        resumed.orElse(new Progress(slice.afterIndexNumberId(), GeocodeBackfillCounts.ZERO)));
    if (!geocoding.enabled()) {
      return new GeocodeBackfillSliceResult(progress.get().cursor(), true, progress.get().counts());
    }
    Duration startToClose = context.getInfo().getStartToCloseTimeout();
    GeocodeRun run = geocoding.newRun(startToClose.isZero() ? Duration.ofHours(1) : startToClose.multipliedBy(3).dividedBy(4));
    try (HeartbeatTicker ticker = HeartbeatTicker.start(context, progress::get)) {
      for (int page = 0; page < slice.pages(); page++) {
        Progress before = progress.get();
        GeocodeBackfill.Page done = backfill.geocodePage(before.cursor(), slice.casesPerPage(), run);
        if (done.lastIndexNumberId() == null) {
          return new GeocodeBackfillSliceResult(before.cursor(), true, before.counts());
        }
        Optional<String> stopped = run.stoppedBy();
        if (done.rowsLeft() > 0 && stopped.isPresent()) {
          log.warn("Geocode backfill: {} rows after case {} left ({}); retrying the page later",
              done.rowsLeft(), before.cursor(), stopped.get());
          throw ApplicationFailure.newFailure("geocoding stopped: " + stopped.get(), FailureTypes.GEOCODER_UNAVAILABLE);
        }
        Progress after = new Progress(done.lastIndexNumberId(), before.counts().plus(
            new GeocodeBackfillCounts(1, done.rows(), done.rowsGeocoded(), done.rowsMissed(), done.rowsLeft())));
        progress.set(after);
        context.heartbeat(after);
      }
      return new GeocodeBackfillSliceResult(progress.get().cursor(), false, progress.get().counts());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}
