package org.ocaetl.worker.observe;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import org.ocaetl.metrics.PipelineMetrics;
import org.slf4j.LoggerFactory;

/**
 * One Prometheus registry for everything the worker measures: JVM and process metrics, the
 * Temporal SDK's metrics (through a tally scope reporting into the registry) and the pipeline's
 * own ({@link PipelineMetrics}).
 */
public final class Observability implements AutoCloseable {
  /** How often the SDK's tally scope copies its values into the registry. */
  static final com.uber.m3.util.Duration SDK_REPORT_INTERVAL = com.uber.m3.util.Duration.ofSeconds(5);

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;
  private final Scope temporalScope;
  private final PipelineMetrics pipeline;

  public Observability() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    temporalScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(SDK_REPORT_INTERVAL);
    pipeline = new PipelineMetrics(registry);
  }

  /** For {@code WorkflowServiceStubsOptions.setMetricsScope}: the SDK's worker and client metrics. */
  public Scope temporalScope() {
    return temporalScope;
  }

  public PipelineMetrics pipeline() {
    return pipeline;
  }

  /** For {@code WorkerFactoryOptions.setWorkerInterceptors}: times the activities while they run. */
  public WorkerInterceptor activityTimer() {
    return new RunningActivities(registry);
  }

  /**
   * Exports {@code readiness} as {@code oca_worker_ready} (1 ready, 0 not): what {@code /readyz}
   * answers, for an alert on a worker that runs but does not poll (Kubernetes only stops sending it
   * traffic, and a worker gets none anyway).
   */
  public void exportReadiness(HealthCheck readiness) {
    Gauge.builder("oca.worker.ready", readiness, check -> check.problem().isEmpty() ? 1 : 0)
        .description("1 when the worker polls its task queues and Temporal answers (as /readyz), else 0")
        .strongReference(true)
        .register(registry);
  }

  /** The Prometheus text exposition (format 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    try {
      temporalScope.close(); // reports the SDK's last values
    } catch (ScopeCloseException e) {
      LoggerFactory.getLogger(Observability.class).warn("Closing the SDK metrics scope failed", e);
    }
    gc.close();
    registry.close();
  }
}
