package org.ocaetl.workflows.model;

/**
 * Answer of the file workflow's {@code progress} query.
 *
 * @param fileName base name of the raw zip
 * @param status the stage reached
 * @param hostTaskQueue the worker-specific queue the staging runs on, null before it is chosen
 * @param hostAttempt 1 for the first host, higher after a host was lost
 * @param casesFailed cases that could not be converted (known once parsed)
 */
public record FileProgress(
    String fileName, OcaStatus status, String hostTaskQueue, int hostAttempt, long casesFailed) {}
