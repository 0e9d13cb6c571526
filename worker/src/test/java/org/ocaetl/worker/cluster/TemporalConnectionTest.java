package org.ocaetl.worker.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.workflowservice.v1.DescribeScheduleRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.worker.schedule.ScheduleCommand;
import org.ocaetl.worker.testing.Cli;
import org.ocaetl.worker.testing.FakeFrontend;

/**
 * The connection settings (address, namespace, TLS, mTLS, API key, server name) against a real
 * gRPC server with real TLS ({@link FakeFrontend}); each one is shown to change what reaches the
 * server, or whether anything does.
 */
@Tag("slow")
class TemporalConnectionTest {
  @TempDir static Path certs;
  static TestCertificates.Pem server;
  static TestCertificates.Pem client;
  static TestCertificates.Pem stranger;

  @BeforeAll
  static void makeCertificates() throws Exception {
    // The server certificate names temporal.test only, so connecting to 127.0.0.1 needs --tls-server-name.
    server = TestCertificates.selfSigned(certs, "temporal.test", "dns:temporal.test");
    client = TestCertificates.selfSigned(certs, "oca-worker", null);
    stranger = TestCertificates.selfSigned(certs, "stranger", null);
  }

  /** {@code oca schedule show}: one DescribeSchedule call (exit 4: the fake has no such schedule). */
  static Cli show(FakeFrontend frontend, String... connection) {
    String[] args = new String[connection.length + 4];
    args[0] = "schedule";
    args[1] = "show";
    args[2] = "--temporal-address";
    args[3] = frontend.address();
    System.arraycopy(connection, 0, args, 4, connection.length);
    return Cli.run(args);
  }

  @Test
  void mutualTlsPresentsTheClientCertificate() throws Exception {
    try (FakeFrontend frontend = FakeFrontend.tls(server.cert(), server.key(), client.cert())) {
      Cli reached =
          show(frontend, "--tls-ca", server.cert().toString(), "--tls-server-name", "temporal.test",
              "--tls-cert", client.cert().toString(), "--tls-key", client.key().toString(), "--namespace", "oca-prod");
      assertEquals(ScheduleCommand.EXIT_NOT_FOUND, reached.exitCode(), reached.toString());
      assertEquals("oca-prod", frontend.requests(DescribeScheduleRequest.class).get(0).getNamespace());
      assertEquals("CN=oca-worker", frontend.clientCertificates.get(0));

      List<Cli> refused =
          concurrently(
              () -> show(frontend, "--tls-ca", server.cert().toString(), "--tls-server-name", "temporal.test",
                  "--tls-cert", stranger.cert().toString(), "--tls-key", stranger.key().toString()),
              () -> show(frontend, "--tls-ca", server.cert().toString(), "--tls-server-name", "temporal.test"));
      for (Cli cli : refused) {
        assertEquals(1, cli.exitCode(), cli.toString());
      }
      assertEquals(1, frontend.requests(DescribeScheduleRequest.class).size(), "only the trusted client got through");
    }
  }

  @Test
  void theServerIsVerifiedAgainstTheCaAndTheServerName() throws Exception {
    try (FakeFrontend frontend = FakeFrontend.tls(server.cert(), server.key(), null)) {
      List<Cli> refused =
          concurrently(
              () -> show(frontend), // plain text to a TLS server
              () -> show(frontend, "--tls"), // the JVM's CAs do not know this server
              () -> show(frontend, "--tls-ca", server.cert().toString()), // 127.0.0.1 is not temporal.test
              () -> show(frontend, "--tls-ca", stranger.cert().toString(), "--tls-server-name", "temporal.test"));
      for (Cli cli : refused) {
        assertEquals(1, cli.exitCode(), cli.toString());
      }
      Cli jvmTrustOnly = refused.get(1);
      assertTrue(jvmTrustOnly.err().contains("PKIX") || jvmTrustOnly.err().contains("certificate"), jvmTrustOnly.err());
      assertTrue(frontend.requests.isEmpty());

      Cli verified = show(frontend, "--tls-ca", server.cert().toString(), "--tls-server-name", "temporal.test");
      assertEquals(ScheduleCommand.EXIT_NOT_FOUND, verified.exitCode(), verified.toString());
      assertTrue(frontend.clientCertificates.isEmpty(), "no client certificate without --tls-cert");
    }
  }

  /**
   * Runs refused connections side by side: the SDK retries UNAVAILABLE for several seconds before
   * giving up, which is right for a cluster that blinks and slow for a test.
   */
  @SafeVarargs
  static List<Cli> concurrently(Supplier<Cli>... calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.length);
    try {
      List<Future<Cli>> running = new ArrayList<>();
      for (Supplier<Cli> call : calls) {
        running.add(pool.submit(call::get));
      }
      List<Cli> results = new ArrayList<>();
      for (Future<Cli> result : running) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApiKeyGoesAsABearerTokenWithTheNamespaceHeader() throws Exception {
    try (FakeFrontend frontend = FakeFrontend.tls(server.cert(), server.key(), null)) {
      Cli reached =
          show(frontend, "--api-key", "test-api-key-123", "--namespace", "oca.a1b2c",
              "--tls-ca", server.cert().toString(), "--tls-server-name", "temporal.test");
      assertEquals(ScheduleCommand.EXIT_NOT_FOUND, reached.exitCode(), reached.toString());
      var headers = frontend.headers.get(frontend.headers.size() - 1);
      assertEquals("Bearer test-api-key-123", headers.get(FakeFrontend.AUTHORIZATION));
      assertEquals("oca.a1b2c", headers.get(FakeFrontend.NAMESPACE));
      assertFalse((reached.out() + reached.err()).contains("test-api-key-123"), "the key is never printed");
    }
  }

  @Test
  void withoutAnApiKeyNoAuthorizationIsSent() throws Exception {
    try (FakeFrontend frontend = FakeFrontend.plain()) {
      assertEquals(ScheduleCommand.EXIT_NOT_FOUND, show(frontend).exitCode());
      assertTrue(frontend.headers.stream().allMatch(h -> h.get(FakeFrontend.AUTHORIZATION) == null));
      assertEquals("default", frontend.requests(DescribeScheduleRequest.class).get(0).getNamespace());
    }
  }

  @Test
  void badConnectionSettingsAreUsageErrors() throws Exception {
    try (FakeFrontend frontend = FakeFrontend.plain()) {
      assertEquals(2, show(frontend, "--tls-cert", client.cert().toString()).exitCode(), "cert without key");
      assertEquals(2, show(frontend, "--tls-ca", certs.resolve("missing.pem").toString()).exitCode());
      assertEquals(2, Cli.run("schedule", "show", "--temporal-address", "temporal.example.com").exitCode(), "no port");
      assertTrue(frontend.requests.isEmpty());
    }
  }
}
