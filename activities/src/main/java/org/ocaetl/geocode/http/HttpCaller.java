package org.ocaetl.geocode.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls of this process to one geocoding service: a shared rate limit ({@link TokenBucket})
 * and a bound on calls in flight, a timeout per request, and retries ({@link RetryPolicy}) that
 * feed the run's {@link CircuitBreaker}. A refused key (401/403) or an unknown path (404) opens
 * the breaker at once. Failure messages name the service and the status, never the request URI
 * (it holds the address) or a header (it may hold the key).
 */
public final class HttpCaller {

  /**
   * @param perMinute requests a minute from this process
   * @param concurrency calls (with their retries) in flight at once
   * @param timeout of one request, until the response headers arrive
   * @param retry retries of one call
   */
  public record Limits(int perMinute, int concurrency, Duration timeout, RetryPolicy retry) {
    public Limits {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
      }
    }

    public Limits withPerMinute(int rate) {
      return new Limits(rate, concurrency, timeout, retry);
    }

    public Limits withTimeout(Duration requestTimeout) {
      return new Limits(perMinute, concurrency, requestTimeout, retry);
    }

    public Limits withRetry(RetryPolicy policy) {
      return new Limits(perMinute, concurrency, timeout, policy);
    }
  }

  /** Turns a response into a value; a body without the documented shape is retried. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(int status, String body) throws MalformedResponseException;
  }

  private final String service;
  private final HttpClient client;
  private final Limits limits;
  private final TokenBucket bucket;
  private final Semaphore inFlight;
  private final Sleeper sleeper;
  private final Clock clock;

  public HttpCaller(String service, HttpClient client, Limits limits, Sleeper sleeper, Clock clock) {
    this.service = service;
    this.client = client;
    this.limits = limits;
    this.bucket = new TokenBucket(limits.perMinute(), System::nanoTime, sleeper);
    this.inFlight = new Semaphore(limits.concurrency(), true);
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public HttpCaller(String service, HttpClient client, Limits limits) {
    this(service, client, limits, Sleeper.REAL, Clock.systemUTC());
  }

  public String service() {
    return service;
  }

  /**
   * Sends the request (built afresh for each attempt) until {@code parser} accepts a response.
   *
   * @param requests counts every request sent
   * @throws ServiceUnavailableException retries spent or the breaker open
   */
  public <T> T call(HttpRequest.Builder request, Parser<T> parser, CircuitBreaker breaker, LongAdder requests)
      throws ServiceUnavailableException, InterruptedException {
    // The concurrency slot is held for the whole call, retries and backoff included: with a slot
    // per attempt, a failing service would see every queued call's first attempt, then every
    // second one, … before any call spent its retries and opened the breaker. Held per call, at
    // most `concurrency` calls are in flight when the breaker opens, and no new one starts.
    inFlight.acquire();
    try {
      return attempts(request, parser, breaker, requests);
    } finally {
      inFlight.release();
    }
  }

  private <T> T attempts(HttpRequest.Builder request, Parser<T> parser, CircuitBreaker breaker, LongAdder requests)
      throws ServiceUnavailableException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      if (breaker.isOpen()) {
        throw new ServiceUnavailableException(service + ": " + breaker.reason());
      }
      Attempt<T> result = attempt(request, parser, breaker, requests);
      if (result.value != null) {
        breaker.recordSuccess();
        return result.value;
      }
      if (attempt >= limits.retry().maxAttempts()) {
        breaker.recordFailure(result.failure);
        throw new ServiceUnavailableException(service + ": " + result.failure + " after " + attempt + " attempts");
      }
      sleeper.sleep(result.retryAfter.isPresent()
          ? limits.retry().afterRetryAfter(result.retryAfter.get())
          : limits.retry().backoff(attempt));
    }
  }

  private record Attempt<T>(T value, String failure, Optional<Duration> retryAfter) {
    static <T> Attempt<T> failed(String failure) {
      return new Attempt<>(null, failure, Optional.empty());
    }
  }

  private <T> Attempt<T> attempt(
      HttpRequest.Builder request, Parser<T> parser, CircuitBreaker breaker, LongAdder requests)
      throws ServiceUnavailableException, InterruptedException {
    HttpResponse<String> response;
    try {
      bucket.acquire();
      requests.increment();
      response = client.send(request.copy().timeout(limits.timeout()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return Attempt.failed("no response within " + limits.timeout().toMillis() + " ms");
    } catch (IOException e) {
      return Attempt.failed(e.getClass().getSimpleName());
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      breaker.trip("HTTP " + status + ": the service refused the credentials");
      throw new ServiceUnavailableException(service + ": HTTP " + status);
    }
    if (status == 404) {
      breaker.trip("HTTP 404: unknown path, check the base URL");
      throw new ServiceUnavailableException(service + ": HTTP 404");
    }
    if (status == 429 || status >= 500) {
      Optional<Duration> retryAfter = RetryAfter.of(response.headers(), clock);
      if (retryAfter.isPresent() && retryAfter.get().compareTo(limits.retry().maxRetryAfter()) > 0) {
        breaker.trip("HTTP " + status + " asking to wait " + retryAfter.get().toSeconds() + " s");
        throw new ServiceUnavailableException(service + ": HTTP " + status);
      }
      return new Attempt<>(null, "HTTP " + status, retryAfter);
    }
    try {
      return new Attempt<>(parser.parse(status, response.body()), null, Optional.empty());
    } catch (MalformedResponseException e) {
      return Attempt.failed("HTTP " + status + " with a malformed body (" + e.getMessage() + ")");
    }
  }
}
