package org.ocaetl.workflows.model;

/**
 * Values of the {@code OcaStatus} search attribute. A file workflow moves through DISCOVERED,
 * PARSING, EXPORTING, GEOCODING, UPLOADING to STAGED (or FAILED); a run workflow moves through
 * DISCOVERING, STAGING, PROMOTING, PUBLISHING to PROMOTED (every file and case fine), PARTIAL
 * (finished, but some files or cases failed) or FAILED (the run itself failed).
 */
public enum OcaStatus {
  DISCOVERING,
  DISCOVERED,
  PARSING,
  EXPORTING,
  GEOCODING,
  UPLOADING,
  STAGED,
  STAGING,
  PROMOTING,
  PUBLISHING,
  PROMOTED,
  PARTIAL,
  FAILED
}
