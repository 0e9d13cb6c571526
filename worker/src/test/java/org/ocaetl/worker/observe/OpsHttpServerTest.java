package org.ocaetl.worker.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.testing.Http;

/** The ops port over real HTTP: probes follow their checks, and only GET/HEAD are served. */
class OpsHttpServerTest {

  @Test
  void probesAnswerWithTheirChecksAndMetricsWithTheExposition() throws Exception {
    AtomicReference<Optional<String>> ready = new AtomicReference<>(Optional.of("the Temporal worker is not polling"));
    try (OpsHttpServer server = OpsHttpServer.start(0, () -> "oca_up 1\n", HealthCheck.ALWAYS, ready::get)) {
      int port = server.port();
      assertEquals(503, Http.get(port, "/readyz").statusCode());
      assertEquals("the Temporal worker is not polling\n", Http.get(port, "/readyz").body());
      ready.set(Optional.empty());
      assertEquals(200, Http.get(port, "/readyz").statusCode());
      assertEquals("ok\n", Http.get(port, "/healthz").body());
      assertEquals("oca_up 1\n", Http.get(port, "/metrics").body());

      HttpResponse<String> post =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .POST(HttpRequest.BodyPublishers.ofString("x"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    }
  }

  @Test
  void aFailingCheckIsReportedNotThrown() throws Exception {
    HealthCheck broken = () -> {
      throw new IllegalStateException("boom");
    };
    try (OpsHttpServer server = OpsHttpServer.start(0, () -> "", broken, broken)) {
      HttpResponse<String> live = Http.get(server.port(), "/healthz");
      assertEquals(503, live.statusCode());
      assertEquals("check failed: IllegalStateException\n", live.body());
    }
  }
}
