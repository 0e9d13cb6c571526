package org.ocaetl.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic {@code appearanceid}s (docs/processing-rules.md#rule-13): the first 8 bytes of SHA-256(IndexNumberId, NUL,
 * 1-based ordinal of the Appearance within its case) as a big-endian long with the sign bit masked.
 * Re-processing the same case version yields the same ids in any run, on any worker, so outcomes
 * written with their appearance's id always link and no sequence has to be kept in step.
 *
 * <p>Uniqueness is probabilistic: with 63 random bits, n appearances in the whole table collide
 * with probability about n²/2⁶⁴ (10 million appearances: ~5·10⁻⁶). Within one case ids cannot
 * collide unless SHA-256 does for two different ordinals.
 *
 * <p>Not thread-safe (it reuses one digest).
 */
final class AppearanceIds {
  private final MessageDigest sha256;

  AppearanceIds() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  long of(String caseId, int ordinal) {
    sha256.reset();
    sha256.update(caseId.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(Integer.toString(ordinal).getBytes(StandardCharsets.US_ASCII));
    byte[] digest = sha256.digest();
    long id = 0;
    for (int i = 0; i < 8; i++) {
      id = (id << 8) | (digest[i] & 0xFF);
    }
    return id & Long.MAX_VALUE;
  }
}
