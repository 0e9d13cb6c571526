package org.ocaetl.promote;

import java.util.List;

/**
 * Files to apply in one transaction, already in rule-1 order.
 *
 * @param files staged files, in application order
 * @param workflowId the Temporal workflow that asked (recorded in the ledger)
 * @param runId its run id
 */
public record PromotionRequest(List<StagedFile> files, String workflowId, String runId) {}
