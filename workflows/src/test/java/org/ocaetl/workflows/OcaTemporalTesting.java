package org.ocaetl.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;

/** Shared set-up of the workflow tests: the production workflow types and search attributes. */
final class OcaTemporalTesting {
  private OcaTemporalTesting() {}

  /** Time-skipping in-process server, started by the test after it registered its workers. */
  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder =
        TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(
                OcaRunWorkflowImpl.class,
                FileWorkflowImpl.class,
                BackfillWorkflowImpl.class,
                FakeMaintenance.GeocodeBackfillImpl.class)
            .setDoNotStart(true);
    OcaSearchAttributes.definitions().forEach(builder::registerSearchAttribute);
    return builder.build();
  }

  /** The fake activities of a started environment, and how to reach its workflows. */
  record Workers(
      FakeStaging fake, FakeMaintenance maintenance, FakeNotification notification, WorkflowClient client, String taskQueue) {}

  /**
   * Registers fresh fakes on the shared queue and on the fake's host queue {@code hostQueue} (and
   * on {@code otherHosts}, which {@link FakeStaging#lostHosts} can hand out), then starts the
   * server (the extension leaves starting to the test).
   */
  static Workers start(
      TestWorkflowEnvironment env, Worker worker, WorkflowOptions options, String hostQueue, String... otherHosts) {
    FakeStaging fake = new FakeStaging(hostQueue);
    FakeMaintenance maintenance = new FakeMaintenance();
    FakeNotification notification = new FakeNotification();
    worker.registerActivitiesImplementations(fake, maintenance, notification);
    env.newWorker(fake.hostQueue).registerActivitiesImplementations(fake);
    for (String other : otherHosts) {
      env.newWorker(other).registerActivitiesImplementations(fake);
    }
    env.start();
    return new Workers(fake, maintenance, notification, env.getWorkflowClient(), options.getTaskQueue());
  }

  /** Search attributes as the server stores them (DescribeWorkflowExecution; no List on the test server). */
  static SearchAttributes searchAttributes(WorkflowClient client, String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
  }

  static String status(WorkflowClient client, String workflowId) {
    return searchAttributes(client, workflowId).get(OcaSearchAttributes.STATUS);
  }

  static String runId(WorkflowClient client, String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    return stub.describe().getExecution().getRunId();
  }
}
