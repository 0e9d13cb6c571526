package org.ocaetl.workflows.model;

/**
 * The staged objects written to the store.
 *
 * @param objects objects written under {@code StoreKeys.staging(fileName)}
 * @param bytes their total size
 * @param elapsedMillis wall time
 */
public record UploadSummary(int objects, long bytes, long elapsedMillis) {}
