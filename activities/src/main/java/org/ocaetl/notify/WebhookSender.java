package org.ocaetl.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.ocaetl.geocode.http.CircuitBreaker;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.MalformedResponseException;
import org.ocaetl.geocode.http.RetryPolicy;
import org.ocaetl.geocode.http.ServiceUnavailableException;
import org.ocaetl.geocode.http.Sleeper;

/**
 * POSTs a JSON message to an incoming webhook, retrying with backoff on 429 (honouring {@code
 * Retry-After}), 5xx, timeouts and broken connections through the geocoders' {@link HttpCaller}.
 * The whole send is bounded (4 attempts, 10 s each, waits of at most 15 s): about a minute, so the
 * run's notification activity ends well within its timeout. Answers instead of throwing, and its
 * answers never contain the URL (the token is in it).
 */
public final class WebhookSender {
  static final RetryPolicy RETRIES =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(15));
  static final HttpCaller.Limits LIMITS = new HttpCaller.Limits(60, 1, Duration.ofSeconds(10), RETRIES);

  /** What a send gave: delivered, or the last problem; {@code attempts} requests were made. */
  public record Sent(boolean delivered, int attempts, String problem) {}

  private final HttpCaller caller;

  public WebhookSender(HttpClient client, Sleeper sleeper) {
    this.caller = new HttpCaller("webhook", client, LIMITS, sleeper, java.time.Clock.systemUTC());
  }

  public WebhookSender() {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Sleeper.REAL);
  }

  public Sent send(URI webhook, String json) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(webhook)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    LongAdder requests = new LongAdder();
    try {
      caller.call(request, WebhookSender::accepted, CircuitBreaker.forOneCall("webhook"), requests);
      return new Sent(true, requests.intValue(), null);
    } catch (ServiceUnavailableException e) {
      return new Sent(false, requests.intValue(), e.getMessage());
    }
  }

  /** Any 2xx is delivered; another answer (e.g. 400, 410 for a removed webhook) is retried, then reported. */
  private static Boolean accepted(int status, String body) throws MalformedResponseException {
    if (status / 100 != 2) {
      throw new MalformedResponseException("HTTP " + status);
    }
    return Boolean.TRUE;
  }
}
