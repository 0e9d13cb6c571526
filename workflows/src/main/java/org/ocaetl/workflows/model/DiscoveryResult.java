package org.ocaetl.workflows.model;

import java.util.List;

/**
 * What discovery found.
 *
 * @param files archived files to stage and promote, in rule-1 order
 * @param settled files that need no staging: already promoted (SKIPPED) or refused (FAILED, e.g. a
 *     name archived earlier with other content)
 * @param ignored inbox names that are not extract file names
 */
public record DiscoveryResult(
    List<DiscoveredFile> files, List<FileOutcome> settled, List<String> ignored) {}
