package org.ocaetl.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.ocaetl.workflows.model.NoticeDelivery;
import org.ocaetl.workflows.model.RunNotice;

/** Tells people how a run ended, so a failure is seen before the data is used. */
@ActivityInterface
public interface NotificationActivities {

  /**
   * Sends the run notification to the configured webhook when the worker's settings ask for it
   * (every run, or runs that are not clean). Retries within a bounded time and answers
   * UNDELIVERED instead of failing: a notification never fails the run.
   */
  @ActivityMethod(name = "NotifyRun")
  NoticeDelivery notifyRun(RunNotice notice);
}
