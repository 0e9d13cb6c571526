package org.ocaetl.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.ocaetl.testing.Await;

/**
 * A real Prometheus (Debian's binary) on a loopback port with a temporary data folder, scraping
 * one target every second and evaluating rule files every second; queried through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {
  public static final String JOB = "oca-worker";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;

  private PrometheusServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts scraping {@code target} ({@code host:port}) with {@code ruleFiles} loaded; waits until ready. */
  public static PrometheusServer start(Path folder, String target, Path... ruleFiles) throws IOException {
    Path binary = PrometheusBinaries.require("prometheus");
    StringBuilder config = new StringBuilder("""
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: %s
            static_configs:
              - targets: ['%s']
        rule_files:
        """.formatted(JOB, target));
    for (Path rules : ruleFiles) {
      config.append("  - '").append(rules.toAbsolutePath()).append("'\n");
    }
    Path configFile = Files.writeString(Files.createDirectories(folder).resolve("prometheus.yml"), config);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + Files.createDirectories(folder.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer server = new PrometheusServer(process, port);
    try {
      Http.await(port, "/-/ready", r -> r.statusCode() == 200, Duration.ofSeconds(30));
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The {@code data.result} of an instant query: a list of {@code {metric, value}}. */
  public JsonNode query(String promql) {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).at("/data/result");
  }

  /** Polls {@code promql} until it has a result (scrapes and rule evaluations come every second). */
  public JsonNode awaitResult(String promql, Duration timeout) {
    return Await.until(timeout, promql + " to have a result", () -> query(promql), result -> !result.isEmpty());
  }

  /** The metric type ("counter", "gauge", "summary", …) as Prometheus read it from the scrape. */
  public String type(String metric) {
    return api("/api/v1/metadata?metric=" + metric).at("/data/" + metric + "/0/type").asText();
  }

  private JsonNode api(String path) {
    try {
      return JSON.readTree(Http.get(port, path).body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
