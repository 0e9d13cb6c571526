package org.ocaetl.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Waits for S3 calls and turns their failures into the {@link IOException}s the store promises.
 * SDK messages name the operation, status and request id, never credentials.
 */
final class S3Failures {
  private S3Failures() {}

  static <T> T join(CompletableFuture<T> call, String action, String key) throws IOException {
    try {
      return call.join();
    } catch (CompletionException | CancellationException e) {
      throw failure(e, action, key);
    }
  }

  static IOException failure(Throwable thrown, String action, String key) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (isNotFound(cause)) {
      NoSuchFileException missing = new NoSuchFileException(key, null, "no such object");
      missing.initCause(cause);
      return missing;
    }
    if (cause instanceof ApiCallTimeoutException) {
      return callTimedOut(action, key, cause);
    }
    if (cause instanceof ApiCallAttemptTimeoutException) {
      return new IOException("S3 " + action + " of " + key + " timed out: the last attempt got no complete answer"
          + " within the attempt timeout (OCA_S3_ATTEMPT_TIMEOUT_SECONDS): " + cause.getMessage(), cause);
    }
    return new IOException("S3 " + action + " of " + key + " failed: " + cause.getMessage(), cause);
  }

  /** The call timeout (all attempts together) is spent. */
  static IOException callTimedOut(String action, String key, Throwable cause) {
    Throwable root = cause instanceof IOException && cause.getCause() != null ? cause.getCause() : cause;
    return new IOException("S3 " + action + " of " + key + " timed out: no complete answer within the call timeout"
        + " (OCA_S3_CALL_TIMEOUT_SECONDS, all attempts together): " + root.getMessage(), root);
  }

  /**
   * Server errors, throttling and failures to connect or read: worth another attempt. A spent call
   * timeout is not: it already covered every attempt.
   */
  static boolean isTransient(IOException failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof S3Exception s3) {
      return s3.statusCode() >= 500 || s3.statusCode() == 429;
    }
    if (cause instanceof ApiCallTimeoutException) {
      return false;
    }
    return cause instanceof SdkClientException;
  }

  /** Jittered exponential backoff before attempt {@code attempt + 1}: 100 ms, 200 ms, … up to 5 s. */
  static void backoff(int attempt) throws IOException {
    long ceiling = Math.min(5_000, 100L << Math.min(attempt - 1, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  static boolean isNotFound(Throwable cause) {
    return cause instanceof NoSuchKeyException || (cause instanceof S3Exception s3 && s3.statusCode() == 404);
  }
}
