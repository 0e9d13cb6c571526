package org.ocaetl.workflows.model;

/**
 * What became of a run notification.
 *
 * @param status whether it was sent and delivered
 * @param attempts HTTP requests made (0 when not sent)
 * @param problem why it was not delivered (the last answer or error, never the URL), or null
 */
public record NoticeDelivery(Status status, int attempts, String problem) {

  public enum Status {
    /** Not configured, or a clean run with notifications for failures only. */
    NOT_SENT,
    DELIVERED,
    /** Every attempt failed; logged and counted, the run's result is not affected. */
    UNDELIVERED
  }

  public static final NoticeDelivery NOT_SENT = new NoticeDelivery(Status.NOT_SENT, 0, null);
}
