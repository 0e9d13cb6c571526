package org.ocaetl.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The workflow tests' server: per test, Temporal's time-skipping in-process server with the
 * production workflow types and search attributes, and fresh fakes on the shared queue, on the
 * fake's host queue and on the other host queues {@link FakeStaging#lostHosts} can hand out. Register it on an instance field, so each test gets its own fakes:
 * {@code @RegisterExtension final TestServerExtension temporal = new TestServerExtension("oca-host/x");}
 */
final class TestServerExtension implements BeforeEachCallback, AfterEachCallback {
  static final String TASK_QUEUE = "oca-test";

  final FakeStaging fake;
  final FakeMaintenance maintenance = new FakeMaintenance();
  final FakeNotification notification = new FakeNotification();
  private final String[] otherHosts;
  private TestWorkflowEnvironment env;

  TestServerExtension(String hostQueue, String... otherHosts) {
    fake = new FakeStaging(hostQueue);
    this.otherHosts = otherHosts.clone();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder();
    OcaSearchAttributes.definitions().forEach(options::registerSearchAttribute);
    env = TestWorkflowEnvironment.newInstance(options.build());
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        OcaRunWorkflowImpl.class, FileWorkflowImpl.class, BackfillWorkflowImpl.class, FakeMaintenance.GeocodeBackfillImpl.class);
    worker.registerActivitiesImplementations(fake, maintenance, notification);
    env.newWorker(fake.hostQueue).registerActivitiesImplementations(fake);
    for (String other : otherHosts) {
      env.newWorker(other).registerActivitiesImplementations(fake);
    }
    env.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    env.close();
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** A stub of the run {@code workflowId} on the shared queue, to start it or to query it. */
  OcaRunWorkflow runWorkflow(String workflowId) {
    return workflow(OcaRunWorkflow.class, workflowId);
  }

  /** A stub of the file workflow of {@code fileName} on the shared queue, as a run starts it. */
  FileWorkflow fileWorkflow(String fileName) {
    return workflow(FileWorkflow.class, WorkflowIds.file(fileName));
  }

  private <T> T workflow(Class<T> type, String workflowId) {
    return client().newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
  }

  /** Search attributes as the server stores them (DescribeWorkflowExecution; no List on the test server). */
  SearchAttributes searchAttributes(String workflowId) {
    return client().newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
  }

  String status(String workflowId) {
    return searchAttributes(workflowId).get(OcaSearchAttributes.STATUS);
  }

  String runId(String workflowId) {
    return client().newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
  }
}
