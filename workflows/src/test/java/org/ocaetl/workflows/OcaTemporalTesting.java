package org.ocaetl.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowExtension;

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
