package org.ocaetl.worker.cluster;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.ServiceStubsOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/**
 * The connection to a Temporal cluster: service stubs (with the SDK metrics scope), a workflow
 * client and a schedule client in the configured namespace, and operator stubs when asked.
 *
 * <p>Security: with a client certificate and key, mTLS; with a CA file, that CA is trusted
 * instead of the JVM's; with an API key (Temporal Cloud), the key goes as a bearer token over TLS,
 * with the namespace in the {@code temporal-namespace} header as Temporal Cloud routes by it.
 */
public final class TemporalConnection implements AutoCloseable {
  private static final Metadata.Key<String> NAMESPACE_HEADER =
      Metadata.Key.of("temporal-namespace", Metadata.ASCII_STRING_MARSHALLER);

  private final TemporalSettings settings;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private OperatorServiceStubs operator;

  private TemporalConnection(TemporalSettings settings, WorkflowServiceStubsOptions options) {
    this.settings = settings;
    this.service = WorkflowServiceStubs.newServiceStubs(options);
    this.client =
        WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  /** Connects lazily (the first call dials); SDK metrics go to {@code metricsScope}. */
  public static TemporalConnection open(TemporalSettings settings, Scope metricsScope) {
    return new TemporalConnection(settings, stubsOptions(settings, metricsScope));
  }

  /** Connects without SDK metrics (the one-shot commands). */
  public static TemporalConnection open(TemporalSettings settings) {
    return open(settings, new NoopScope());
  }

  static WorkflowServiceStubsOptions stubsOptions(TemporalSettings settings, Scope metricsScope) {
    return configure(WorkflowServiceStubsOptions.newBuilder(), settings).setMetricsScope(metricsScope).build();
  }

  /** Target, TLS and credentials, the same for the workflow and the operator service. */
  private static <B extends ServiceStubsOptions.Builder<B>> B configure(B options, TemporalSettings settings) {
    options.setTarget(settings.address());
    if (settings.tlsCert() != null || settings.tlsCa() != null) {
      options.setSslContext(sslContext(settings));
    } else if (settings.usesTls()) {
      options.setEnableHttps(true);
    }
    if (settings.tlsServerName() != null) {
      options.setChannelInitializer(channel -> channel.overrideAuthority(settings.tlsServerName()));
    }
    Metadata headers = new Metadata(); // set even when empty: the operator stubs need one
    if (settings.apiKey() != null) {
      String key = settings.apiKey();
      options.addApiKey(() -> key);
      headers.put(NAMESPACE_HEADER, settings.namespace());
    }
    return options.setHeaders(headers);
  }

  private static SslContext sslContext(TemporalSettings settings) {
    try {
      if (settings.tlsCert() == null) {
        return trusting(SimpleSslContextBuilder.noKeyOrCertChain(), settings).build();
      }
      // The builder reads the streams in build(), so they stay open until then.
      try (InputStream cert = Files.newInputStream(settings.tlsCert());
          InputStream key = Files.newInputStream(settings.tlsKey())) {
        return trusting(SimpleSslContextBuilder.forPKCS8(cert, key), settings).build();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Temporal TLS files: " + e.getMessage(), e);
    }
  }

  private static SimpleSslContextBuilder trusting(SimpleSslContextBuilder builder, TemporalSettings settings)
      throws IOException {
    if (settings.tlsCa() != null) {
      builder.setTrustManager(trustManagerFactory(settings).getTrustManagers()[0]);
    }
    return builder;
  }

  private static TrustManagerFactory trustManagerFactory(TemporalSettings settings) throws IOException {
    try (InputStream in = Files.newInputStream(settings.tlsCa())) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int n = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + n++, ca);
      }
      if (n == 0) {
        throw new IOException(settings.tlsCa() + " holds no PEM certificate");
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot use " + settings.tlsCa() + " as CA: " + e.getMessage(), e);
    }
  }

  public TemporalSettings settings() {
    return settings;
  }

  public WorkflowServiceStubs service() {
    return service;
  }

  public WorkflowClient client() {
    return client;
  }

  public ScheduleClient schedules() {
    return ScheduleClient.newInstance(
        service, ScheduleClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  /** Operator stubs over the same target and credentials (search attributes). */
  public synchronized OperatorServiceStubs operator() {
    if (operator == null) {
      operator = OperatorServiceStubs.newServiceStubs(configure(OperatorServiceStubsOptions.newBuilder(), settings).setMetricsScope(new NoopScope()).build());
    }
    return operator;
  }

  @Override
  public synchronized void close() {
    if (operator != null) {
      operator.shutdown();
      awaitTermination(operator::awaitTermination);
    }
    service.shutdown();
    awaitTermination(service::awaitTermination);
  }

  private interface Termination {
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;
  }

  private static void awaitTermination(Termination termination) {
    try {
      termination.await(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
