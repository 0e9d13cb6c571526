package org.ocaetl.workflows.model;

/**
 * What one backfill request did.
 *
 * @param request the request
 * @param workflowId the child workflow that did the work (replay, geocode), or null
 * @param succeeded false when the child or activity failed
 * @param summary one line: counts on success, the reason on failure
 */
public record BackfillOutcome(BackfillRequest request, String workflowId, boolean succeeded, String summary) {}
