package org.ocaetl.worker.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Real HTTP requests to the worker's ops port. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  public static HttpResponse<String> get(int port, String path) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code path} until the response matches (the worker starts and stops asynchronously). */
  public static HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = get(port, path);
        if (condition.test(last)) {
          return last;
        }
      } catch (java.io.UncheckedIOException e) {
        // not listening yet
      }
      sleep(100);
    }
    throw new AssertionError(path + " never matched; last: " + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
