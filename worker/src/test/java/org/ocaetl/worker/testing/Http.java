package org.ocaetl.worker.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.ocaetl.testing.Await;

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
    return Await.until(timeout, path + " to match", () -> Answer.of(port, path),
        a -> a.response() != null && condition.test(a.response())).response();
  }

  /** One look at a path: no response while the port is closed; shown with its body when a wait fails. */
  private record Answer(HttpResponse<String> response) {
    static Answer of(int port, String path) {
      try {
        return new Answer(get(port, path));
      } catch (java.io.UncheckedIOException e) {
        return new Answer(null); // not listening yet
      }
    }

    @Override
    public String toString() {
      return response == null ? "no answer" : response.statusCode() + " " + response.body();
    }
  }
}
