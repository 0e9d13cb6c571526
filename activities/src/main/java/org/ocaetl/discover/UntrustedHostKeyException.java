package org.ocaetl.discover;

import java.io.IOException;

/**
 * The SFTP server presented a host key that the configured known_hosts entry does not hold. Not a
 * transient fault: until an operator checks the new key and updates known_hosts, every retry
 * would meet the same key (or the same impostor), so callers fail at once instead of retrying.
 */
public final class UntrustedHostKeyException extends IOException {
  public UntrustedHostKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
