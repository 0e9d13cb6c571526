package org.ocaetl.worker.runtime;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ocaetl.worker.observe.HealthCheck;

/**
 * The production worker's probes. Liveness fails only when the worker factory has terminated
 * although nobody asked it to stop (a restart helps then); readiness needs the factory polling
 * and the Temporal frontend answering {@code GetSystemInfo} (every server version and Temporal
 * Cloud serve it, with the same credentials as the worker's own calls).
 */
final class WorkerHealth {
  static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

  private final WorkerFactory factory;
  private final WorkflowServiceStubs service;
  private final AtomicBoolean stopping;

  WorkerHealth(WorkerFactory factory, WorkflowServiceStubs service, AtomicBoolean stopping) {
    this.factory = factory;
    this.service = service;
    this.stopping = stopping;
  }

  HealthCheck liveness() {
    return () ->
        factory.isTerminated() && !stopping.get()
            ? Optional.of("the Temporal worker has terminated")
            : Optional.empty();
  }

  HealthCheck readiness() {
    return () -> {
      if (stopping.get()) {
        return Optional.of("shutting down");
      }
      if (!factory.isStarted() || factory.isShutdown()) {
        return Optional.of("the Temporal worker is not polling");
      }
      try {
        service
            .blockingStub()
            .withDeadlineAfter(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        return Optional.empty();
      } catch (StatusRuntimeException e) {
        return Optional.of("Temporal is not reachable: " + e.getStatus().getCode());
      }
    };
  }
}
