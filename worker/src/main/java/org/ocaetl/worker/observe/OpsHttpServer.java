package org.ocaetl.worker.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's HTTP port for Kubernetes and Prometheus (JDK HttpServer, no framework):
 *
 * <ul>
 *   <li>{@code /metrics}: Prometheus text exposition;
 *   <li>{@code /healthz}: liveness, 200 while the process can serve and its worker has not died;
 *   <li>{@code /readyz}: readiness, 200 once the worker polls and Temporal answers, 503 (with the
 *       reason) before that and while shutting down.
 * </ul>
 *
 * Binds all interfaces, as a pod's probes and scrapes come from outside the container.
 */
public final class OpsHttpServer implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(OpsHttpServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code port} (0: any free port, see {@link #port()}). */
  public static OpsHttpServer start(int port, Supplier<String> metrics, HealthCheck liveness, HealthCheck readiness)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
    server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
    server.createContext("/healthz", exchange -> probe(exchange, liveness));
    server.createContext("/readyz", exchange -> probe(exchange, readiness));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "oca-ops-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    log.info("Serving /metrics, /healthz and /readyz on port {}", server.getAddress().getPort());
    return new OpsHttpServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, HealthCheck check) throws IOException {
    Optional<String> problem;
    try {
      problem = check.problem();
    } catch (RuntimeException e) {
      problem = Optional.of("check failed: " + e.getClass().getSimpleName());
    }
    String body = problem.map(p -> p + "\n").orElse("ok\n");
    respond(exchange, problem.isEmpty() ? 200 : 503, "text/plain; charset=utf-8", body);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
