package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.testserver.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.cli.RunResultOutput;
import org.ocaetl.worker.testing.Cli;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.worker.testing.OcaEnvironment;
import org.ocaetl.worker.testing.PrometheusServer;
import picocli.CommandLine;

/**
 * A real Prometheus scrapes a running {@code oca worker} (the port-bound Temporal test server, real
 * PostgreSQL) while one file with a bad case runs through, with k8s/prometheus/oca-rules.yaml
 * loaded: the series the alert rules use exist with the names, types, labels and values a scraper
 * sees, and the rules evaluate on them (the failed-case share alerts, the worker-down one does not).
 */
@Tag("slow")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PrometheusScrapeTest {
  static final Duration SCRAPED = Duration.ofSeconds(30);
  @RegisterExtension static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();
  @TempDir Path root;

  @Test
  void theRulesSeriesReachPrometheusWithTheirLabelsAndValues() throws Exception {
    int temporalPort = freePort();
    String address = "127.0.0.1:" + temporalPort;
    Instant started = Instant.now();
    try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort, true)) {
      Cli registered = Cli.run("search-attributes", "--register", "--temporal-address", address);
      assertEquals(0, registered.exitCode(), registered.toString());
      WorkerCommand command = new WorkerCommand();
      new CommandLine(command)
          .parseArgs(
              "--temporal-address", address,
              "--database-url", postgres.jdbcUrl(),
              "--schema", "scrape_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT),
              "--store", root.resolve("store").toString(),
              "--inbox", Files.createDirectories(root.resolve("inbox")).toString(),
              "--work-dir", root.resolve("work").toString(),
              "--parallel", "1",
              "--memory-limit", "256MB",
              "--threads", "1",
              "--metrics-port", "0");
      try (ProductionWorker worker = command.start();
          PrometheusServer prometheus =
              PrometheusServer.start(root.resolve("prometheus"), "127.0.0.1:" + worker.metricsPort(),
                  OcaEnvironment.REPO.resolve("k8s/prometheus/oca-rules.yaml"))) {
        assertEquals(1, value(prometheus.awaitResult("oca_worker_ready == 1", SCRAPED)), "ready before the run");
        // Scraped at 0 before the first file: increase() then counts that file's cases.
        assertEquals(0, value(prometheus.awaitResult("oca_cases_failed_total", SCRAPED)));

        Extracts.write(root.resolve("inbox"), "LandlordTenant.Incr.2024-03-08.zip", "2024-03-08",
            Extracts.live("P-1", "Bronx Housing Court"), Extracts.live("P-2", "Kings Housing Court"),
            Extracts.unconvertible("P-3"));
        Cli run = Cli.run("start", "--wait", "--temporal-address", address, "--workflow-id", "oca-run/scrape");
        assertEquals(RunResultOutput.EXIT_FILES_FAILED, run.exitCode(), "one case failed: " + run);

        JsonNode promoted =
            prometheus.awaitResult("oca_promotion_files_total{result=\"promoted\"} == 1", SCRAPED).get(0);
        assertEquals(PrometheusServer.JOB, promoted.at("/metric/job").asText());
        assertEquals("counter", prometheus.type("oca_promotion_files_total"));
        assertEquals(3, value(prometheus.query("oca_cases_parsed_total")));
        assertEquals(1, value(prometheus.query("oca_cases_failed_total")));
        assertEquals("counter", prometheus.type("oca_cases_failed_total"));
        for (String stage : new String[] {"fetch", "parse", "export", "geocode", "upload", "promote", "publish"}) {
          assertEquals(1, value(prometheus.awaitResult(
              "oca_stage_duration_seconds_count{stage=\"" + stage + "\"}", SCRAPED)), stage);
        }
        assertEquals("summary", prometheus.type("oca_stage_duration_seconds"));

        double lastPromotion = value(prometheus.query("oca_last_promotion_timestamp_seconds"));
        assertTrue(lastPromotion >= started.getEpochSecond() && lastPromotion <= Instant.now().getEpochSecond(),
            "last promotion " + lastPromotion + " during the test");
        assertEquals("gauge", prometheus.type("oca_last_promotion_timestamp_seconds"));

        // OcaActivityRunningLong's two sides, by the same activity_type label.
        assertEquals(0, value(prometheus.query("oca_activity_running_seconds_max{activity_type=\"Promote\"}")),
            "nothing runs now");
        assertTrue(value(prometheus.awaitResult(
                "sum(temporal_activity_execution_latency_seconds_count{activity_type=\"Promote\"})", SCRAPED)) >= 1,
            "the SDK's finished activities");

        JsonNode share = prometheus.awaitResult("ALERTS{alertname=\"OcaCasesFailedShareHigh\"}", SCRAPED);
        assertEquals("firing", share.at("/0/metric/alertstate").asText(), "1 of 3 cases failed");
        assertEquals(0, prometheus.query("ALERTS{alertname=~\"OcaWorkerDown|OcaNoPromotion\"}").size(),
            "the worker is scraped and promoted just now");
      }
    }
  }

  /** The value of a one-series result. */
  static double value(JsonNode result) {
    assertEquals(1, result.size(), "one series: " + result);
    return Double.parseDouble(result.at("/0/value/1").asText());
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
