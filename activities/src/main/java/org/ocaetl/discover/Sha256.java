package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Streaming SHA-256 of raw files, as lower-case hex (the form the ledger stores). */
public final class Sha256 {
  private Sha256() {}

  /** Reads the stream to its end and returns its hash; the caller closes the stream. */
  public static String of(InputStream in) throws IOException {
    DigestInputStream digesting = digesting(in);
    digesting.transferTo(OutputStream.nullOutputStream());
    return hex(digesting);
  }

  /** Wraps a stream so that {@link #hex} gives the hash of what was read through it. */
  public static DigestInputStream digesting(InputStream in) {
    try {
      return new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  public static String hex(DigestInputStream read) {
    return HexFormat.of().formatHex(read.getMessageDigest().digest());
  }
}
