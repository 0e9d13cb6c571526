package org.ocaetl.activities;

import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.notify.NotificationSettings;
import org.ocaetl.notify.RunMessage;
import org.ocaetl.notify.WebhookSender;
import org.ocaetl.workflows.NotificationActivities;
import org.ocaetl.workflows.model.NoticeDelivery;
import org.ocaetl.workflows.model.RunNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the run notification when the settings ask for it. Never throws for a webhook that is down
 * or refuses: it answers UNDELIVERED, logs one line and counts it, so the run's result is never
 * affected by its notification.
 */
public final class NotificationActivitiesImpl implements NotificationActivities {
  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final NotificationSettings settings;
  private final WebhookSender sender;
  private final PipelineMetrics metrics;

  public NotificationActivitiesImpl(NotificationSettings settings, WebhookSender sender, PipelineMetrics metrics) {
    this.settings = settings;
    this.sender = sender;
    this.metrics = metrics;
  }

  @Override
  public NoticeDelivery notifyRun(RunNotice notice) {
    if (!settings.sendsFor(notice.clean())) {
      return NoticeDelivery.NOT_SENT;
    }
    WebhookSender.Sent sent;
    try {
      sent = sender.send(settings.webhook(), RunMessage.json(notice));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent = new WebhookSender.Sent(false, 0, "interrupted (worker shutting down)");
    }
    metrics.notification(sent.delivered());
    if (!sent.delivered()) {
      log.warn("run notification for {} not delivered after {} attempt(s): {}",
          notice.workflowId(), sent.attempts(), sent.problem());
      return new NoticeDelivery(NoticeDelivery.Status.UNDELIVERED, sent.attempts(), sent.problem());
    }
    return new NoticeDelivery(NoticeDelivery.Status.DELIVERED, sent.attempts(), null);
  }
}
