package org.ocaetl.promote;

/**
 * A file of this name was already promoted with another SHA-256 checksum: the raw file changed
 * after it was applied. The promotion never overwrites silently; an operator must decide.
 */
public final class LedgerConflictException extends PromotionRejectedException {
  private final String fileName;
  private final String promotedSha256;
  private final String requestedSha256;

  public LedgerConflictException(String fileName, String promotedSha256, String requestedSha256) {
    super(
        "File "
            + fileName
            + " was already promoted with sha256 "
            + promotedSha256
            + " but is now requested with sha256 "
            + requestedSha256
            + "; refusing to promote a changed file under the same name");
    this.fileName = fileName;
    this.promotedSha256 = promotedSha256;
    this.requestedSha256 = requestedSha256;
  }

  public String fileName() {
    return fileName;
  }

  public String promotedSha256() {
    return promotedSha256;
  }

  public String requestedSha256() {
    return requestedSha256;
  }
}
