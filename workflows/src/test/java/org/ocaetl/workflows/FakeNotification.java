package org.ocaetl.workflows;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ocaetl.workflows.model.NoticeDelivery;
import org.ocaetl.workflows.model.RunNotice;

/**
 * In-memory stand-in for the notification activity: records every notice (the real webhook is
 * exercised in the activities module's NotificationActivitiesImplTest). With {@link #failure} set
 * it fails non-retryably, as a lost worker or a bug would.
 */
final class FakeNotification implements NotificationActivities {
  final List<RunNotice> notices = Collections.synchronizedList(new ArrayList<>());
  volatile String failure;

  @Override
  public NoticeDelivery notifyRun(RunNotice notice) {
    notices.add(notice);
    if (failure != null) {
      throw ApplicationFailure.newNonRetryableFailure(failure, "NotificationBroken");
    }
    return new NoticeDelivery(NoticeDelivery.Status.DELIVERED, 1, null);
  }
}
