package org.ocaetl.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.ocaetl.store.S3Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * S3Mock 5.2.0 (an S3-compatible server) as a child process on a free loopback port, started once
 * per test JVM and stopped when the JVM exits (S3Mock's own jar from Maven Central: no Docker engine needed). The jar is copied into
 * {@code target/s3mock/} by the build (maven-dependency-plugin, execution {@code fetch-s3mock}).
 * Tests isolate themselves with a fresh bucket each ({@link #createBucket}).
 */
public final class S3MockServer {
  public static final String ACCESS_KEY = "oca-test-key";
  public static final String SECRET_KEY = "oca-test-secret";
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static S3MockServer shared;

  private final Process process;
  private final int port;
  private final Path dataRoot;
  private final Path log;
  private final S3AsyncClient admin;

  private S3MockServer(Process process, int port, Path dataRoot, Path log) {
    this.process = process;
    this.port = port;
    this.dataRoot = dataRoot;
    this.log = log;
    this.admin =
        S3AsyncClient.builder()
            .endpointOverride(endpoint())
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
  }

  /** The JVM's instance, started on first use. */
  public static synchronized S3MockServer shared() throws IOException {
    if (shared == null) {
      shared = start();
      S3MockServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "s3mock-stop"));
    }
    return shared;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Settings for a store on this server (path-style, fixed test credentials). */
  public S3Settings settings(S3Settings.ChecksumMode checksums) {
    return S3Settings.forEndpoint(endpoint(), ACCESS_KEY, SECRET_KEY, checksums);
  }

  /** A plain SDK client for assertions the store's API does not expose (headers, pending uploads). */
  public S3AsyncClient client() {
    return admin;
  }

  /** A new empty bucket with a unique name. */
  public String createBucket() {
    String bucket = "test-" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT);
    admin.createBucket(b -> b.bucket(bucket)).join();
    return bucket;
  }

  private static S3MockServer start() throws IOException {
    Path jar = Path.of(System.getProperty("oca.s3mock.jar", "target/s3mock/s3mock-exec.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the tests through Maven (mvn test), which copies it");
    }
    Path dataRoot = Files.createTempDirectory("s3mock-data");
    int port = freePort();
    Path log = jar.resolveSibling("s3mock-" + port + ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-jar",
                    jar.toString(),
                    "--server.ssl.enabled=false",
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--com.adobe.testing.s3mock.httpPort=0",
                    "--com.adobe.testing.s3mock.store.root=" + dataRoot,
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=false"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    S3MockServer server = new S3MockServer(process, port, dataRoot, log);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException | AssertionError e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /** Waits until the server answers a bucket listing (the port opens before Spring is done). */
  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(5)).GET().build();
    Await.until(STARTUP, "S3Mock to answer (its log: " + log + ")", () -> {
      if (!process.isAlive()) {
        throw new IOException("S3Mock exited with code " + process.exitValue() + "; see " + log);
      }
      try {
        return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
      } catch (IOException e) {
        return false; // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while S3Mock started", e);
      }
    });
  }

  private void stop() {
    admin.close();
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dataRoot)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the OS cleans it up eventually
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
