package org.ocaetl.worker.observe;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Times every activity while it runs ({@code oca_activity_running_seconds_max} by
 * {@code activity_type}), so an alert sees a promotion or a stage that takes far longer than usual
 * before it ends: the SDK's {@code temporal_activity_execution_latency_seconds}, with the same
 * label, is recorded only when an activity has finished, and is the "usual" the alert compares with.
 */
final class RunningActivities extends WorkerInterceptorBase {
  private final MeterRegistry registry;

  RunningActivities(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String activityType;

      @Override
      public void init(ActivityExecutionContext context) {
        activityType = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        LongTaskTimer.Sample running =
            LongTaskTimer.builder("oca.activity.running")
                .description("Activities running now on this worker, and how long the longest has run")
                .tag("activity_type", activityType)
                .register(registry)
                .start();
        try {
          return super.execute(input);
        } finally {
          running.stop();
        }
      }
    };
  }
}
