package org.ocaetl.workflows.model;

/**
 * What the publish step wrote.
 *
 * @param objects public objects written
 * @param elapsedMillis wall time
 */
public record PublishResult(int objects, long elapsedMillis) {}
