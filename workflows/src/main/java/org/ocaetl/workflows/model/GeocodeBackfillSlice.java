package org.ocaetl.workflows.model;

/**
 * One execution of the backfill activity: up to {@code pages} pages of {@code casesPerPage}
 * cases after {@code afterIndexNumberId}.
 */
public record GeocodeBackfillSlice(String afterIndexNumberId, int casesPerPage, int pages) {}
