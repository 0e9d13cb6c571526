package org.ocaetl.workflows.model;

/**
 * What one backfill activity execution did.
 *
 * @param lastIndexNumberId cursor after the slice (the last case of its last page)
 * @param finished no case without coordinates is left after the cursor
 * @param counts counts of the slice
 */
public record GeocodeBackfillSliceResult(String lastIndexNumberId, boolean finished, GeocodeBackfillCounts counts) {}
