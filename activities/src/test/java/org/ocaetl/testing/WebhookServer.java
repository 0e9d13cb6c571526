package org.ocaetl.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An incoming webhook on localhost, as Slack's answers it: 200 {@code ok} for a JSON POST, or the
 * answers queued with {@link #answer} first (e.g. 429 with Retry-After, 500). Records every
 * request body. A fresh server per test ({@code @RegisterExtension}); {@link #stop()} takes it
 * down, as a webhook that is down.
 */
public final class WebhookServer implements BeforeEachCallback, AfterEachCallback {
  /** A path like Slack's, whose last part is the secret token. */
  public static final String SECRET_PATH = "/services/T0TEST/B0TEST/s3cr3tT0kenInThePath";

  /** One queued answer. */
  public record Answer(int status, String retryAfter) {}

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    answers.clear();
    bodies.clear();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean json = "POST".equals(exchange.getRequestMethod())
                && String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
            boolean known = exchange.getRequestURI().getPath().equals(SECRET_PATH);
            Answer answer = answers.poll();
            int status = answer != null ? answer.status() : !known ? 404 : json ? 200 : 400;
            if (answer != null && answer.retryAfter() != null) {
              exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] body = (status == 200 ? "ok" : "error").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }

  /** The webhook URL, secret path included. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
  }

  public void answer(int status, String retryAfter) {
    answers.add(new Answer(status, retryAfter));
  }

  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
