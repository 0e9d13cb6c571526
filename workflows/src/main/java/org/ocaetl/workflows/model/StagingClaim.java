package org.ocaetl.workflows.model;

/**
 * A file workflow that another run started first: the claim on staging that file. Its holder
 * stages it; everyone else waits for it to close and then looks up what it staged.
 *
 * @param workflowId the id of the file workflow holding the claim
 * @param fileName base name of the raw zip
 * @param sha256 hex SHA-256 of the raw zip, as the waiting run discovered it
 */
public record StagingClaim(String workflowId, String fileName, String sha256) {
  public HostStep step() {
    return new HostStep(fileName, sha256);
  }
}
