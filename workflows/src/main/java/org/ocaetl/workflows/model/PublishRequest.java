package org.ocaetl.workflows.model;

import java.util.List;

/**
 * Refresh of the public snapshot after a promotion.
 *
 * @param promotedFiles files whose cases were just applied (for the log and result only)
 */
public record PublishRequest(List<String> promotedFiles) {}
