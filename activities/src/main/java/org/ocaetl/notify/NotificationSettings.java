package org.ocaetl.notify;

import java.net.URI;
import java.util.Locale;

/**
 * Where run notifications go and which runs send one. The webhook URL is a secret (it carries the
 * token): it comes from the worker's environment, never from a workflow input, and is never logged.
 *
 * @param mode which runs notify
 * @param webhook the incoming-webhook URL, or null for no notifications
 */
public record NotificationSettings(Mode mode, URI webhook) {

  /** Which runs send a notification. */
  public enum Mode {
    /** Runs that are not clean: a failed file, failed cases, a failed publish, a changed extract, a failed run. */
    FAILURES,
    /** Every run. */
    ALWAYS
  }

  public static final NotificationSettings NONE = new NotificationSettings(Mode.FAILURES, null);

  public NotificationSettings {
    if (webhook != null && !("https".equals(webhook.getScheme()) || "http".equals(webhook.getScheme()))) {
      // The message names the scheme only: the rest of the URL is the secret.
      throw new IllegalArgumentException("the notification webhook must be an http(s) URL, not " + webhook.getScheme() + ":");
    }
  }

  /**
   * From the settings' text: {@code mode} {@code failures} or {@code always} (case-insensitive;
   * null means failures), {@code webhookUrl} blank or null for none.
   */
  public static NotificationSettings of(String mode, String webhookUrl) {
    Mode parsed;
    try {
      parsed = mode == null ? Mode.FAILURES : Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("OCA_NOTIFY must be failures or always, not '" + mode + "'");
    }
    if (webhookUrl == null || webhookUrl.isBlank()) {
      return new NotificationSettings(parsed, null);
    }
    URI uri;
    try {
      uri = URI.create(webhookUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("OCA_NOTIFY_WEBHOOK_URL is not a URL");
    }
    return new NotificationSettings(parsed, uri);
  }

  /** Never prints the URL: only whether one is set. */
  @Override
  public String toString() {
    return "notify=" + mode.name().toLowerCase(Locale.ROOT) + (webhook == null ? " (no webhook)" : " to the webhook (URL not shown)");
  }

  /** Whether a run that ended {@code clean} (or not) sends a notification. */
  public boolean sendsFor(boolean clean) {
    return webhook != null && (mode == Mode.ALWAYS || !clean);
  }
}
