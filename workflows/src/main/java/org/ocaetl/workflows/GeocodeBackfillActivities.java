package org.ocaetl.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.ocaetl.workflows.model.GeocodeBackfillSlice;
import org.ocaetl.workflows.model.GeocodeBackfillSliceResult;

/** Geocodes {@code oca_addresses} rows that have no coordinates, in place. */
@ActivityInterface
public interface GeocodeBackfillActivities {

  /**
   * Geocodes up to {@code slice.pages()} pages, heartbeating the cursor after each page (a retry
   * resumes from it). Fails with the retryable {@link FailureTypes#GEOCODER_UNAVAILABLE} when a
   * service stopped answering, so Temporal retries the page later with backoff.
   */
  @ActivityMethod(name = "GeocodeBackfillSlice")
  GeocodeBackfillSliceResult geocodeSlice(GeocodeBackfillSlice slice);
}
