package org.ocaetl.workflows.model;

/**
 * Answer of the run workflow's {@code progress} query.
 *
 * @param status where the run is
 * @param filesInSegment files handled by this segment (before a continue-as-new)
 * @param filesLeftAfterSegment files carried to the next segment
 * @param filesStaging children running now
 * @param filesStaged files staged so far in this segment
 * @param filesFailed files failed so far (all segments)
 * @param filesPromoted files promoted so far (all segments)
 */
public record RunProgress(
    OcaStatus status,
    int filesInSegment,
    int filesLeftAfterSegment,
    int filesStaging,
    int filesStaged,
    int filesFailed,
    int filesPromoted) {}
