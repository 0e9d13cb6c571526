package org.ocaetl.workflows.model;

/**
 * Result (and query answer) of the geocode backfill workflow.
 *
 * @param lastIndexNumberId how far it got
 * @param finished it reached the end of {@code oca_addresses}
 * @param stoppedBy why it stopped early (e.g. a geocoding service stayed unavailable), or null
 * @param counts counts over every run, continue-as-new included
 * @param runs continue-as-new count
 */
public record GeocodeBackfillResult(
    String lastIndexNumberId, boolean finished, String stoppedBy, GeocodeBackfillCounts counts, int runs) {}
