package org.ocaetl.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The SDK's own retry strategy, as S3Clients configures it, asked whether it retries a failure. */
class S3ClientsTest {
  private final RetryStrategy strategy = S3Clients.retryStrategy(3);

  /**
   * The shape a CI run failed with: Netty's cancelled request (a runtime exception whose cause is
   * the attempt timeout), alone or as the cause of the SDK's "Unable to execute HTTP request".
   */
  @Test
  void anAttemptTimeoutWrappedByTheHttpClientIsRetried() {
    RuntimeException cancelled = new RuntimeException(ApiCallAttemptTimeoutException.create(3_000));
    SdkClientException wrapped = SdkClientException.create("Unable to execute HTTP request: " + cancelled.getMessage(), cancelled);

    assertDoesNotThrow(() -> retry(first(), cancelled));
    assertDoesNotThrow(() -> retry(first(), wrapped));
  }

  @Test
  void aBareAttemptTimeoutIsRetried() {
    assertDoesNotThrow(() -> retry(first(), ApiCallAttemptTimeoutException.create(3_000)));
  }

  @Test
  void retriesEndAtTheMaximumAttempts() {
    ApiCallAttemptTimeoutException timeout = ApiCallAttemptTimeoutException.create(3_000);
    RetryToken third = retry(retry(first(), timeout), timeout);

    assertThrows(TokenAcquisitionFailedException.class, () -> retry(third, timeout));
  }

  @Test
  void aRefusalIsNotRetried() {
    S3Exception forbidden = (S3Exception) S3Exception.builder().statusCode(403)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access Denied").build())
        .build();

    assertThrows(TokenAcquisitionFailedException.class, () -> retry(first(), forbidden));
  }

  private RetryToken first() {
    return strategy.acquireInitialToken(AcquireInitialTokenRequest.create("s3")).token();
  }

  private RetryToken retry(RetryToken token, Throwable failure) {
    return strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build()).token();
  }
}
