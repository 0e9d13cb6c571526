package org.ocaetl.workflows.model;

import java.util.List;

/**
 * Answer of the backfill workflow's progress query.
 *
 * @param current the request being worked on, or null when idle
 * @param queued requests waiting, oldest first
 * @param recent outcomes of the last handled requests, oldest first
 * @param handled requests handled since the workflow id was first started
 */
public record BackfillProgress(
    BackfillRequest current, List<BackfillRequest> queued, List<BackfillOutcome> recent, long handled) {}
