package org.ocaetl.workflows.model;

import java.time.Duration;

/**
 * The worker that fetched a raw file into its work folder; the next steps must run there.
 *
 * @param hostTaskQueue that worker's own task queue
 * @param bytes size of the fetched zip
 * @param hostWait how long a step may wait on that queue before the worker is presumed lost
 *     (ScheduleToStart); the worker knows its own load, so it says how long is too long
 */
public record HostAssignment(String hostTaskQueue, long bytes, Duration hostWait) {}
