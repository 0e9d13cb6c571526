package org.ocaetl.promote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.ocaetl.db.SqlIdentifier;

/** The advisory-lock key that serialises promotions of one schema. */
public final class PromotionLock {
  private PromotionLock() {}

  /**
   * A constant 64-bit key derived from the schema name (first 8 bytes of a SHA-256), the same in
   * every JVM and release, so every worker agrees on it; distinct schemas get distinct keys.
   */
  public static long key(SqlIdentifier schema) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("org.ocaetl.promote:" + schema.name()).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
