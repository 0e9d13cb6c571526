package org.ocaetl.geocode.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rate limit, Retry-After, backoff and breaker on a fake clock: no test waits. */
class ClientDisciplineTest {

  @Test
  void theTokenBucketSpacesPermitsEvenly() throws InterruptedException {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    List<Duration> waits = new ArrayList<>();
    TokenBucket bucket = new TokenBucket(2_500, now::get, d -> {
      waits.add(d);
      now.addAndGet(d.toNanos()); // the fake clock moves by the wait
    });

    for (int i = 0; i < 2_501; i++) {
      bucket.acquire();
    }

    assertEquals(2_500, waits.size(), "the first permit is free, each next one waits");
    assertEquals(Duration.ofNanos(24_000_000), waits.getFirst(), "60 s / 2,500");
    Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
    assertEquals(Duration.ofMinutes(1), total, "2,501 permits span exactly one minute");
  }

  @Test
  void aCallerThatCameLateDoesNotGetABurst() throws InterruptedException {
    AtomicLong now = new AtomicLong(0);
    List<Duration> waits = new ArrayList<>();
    TokenBucket bucket = new TokenBucket(60, now::get, waits::add);
    now.set(Duration.ofMinutes(5).toNanos()); // idle for five minutes
    bucket.acquire();
    bucket.acquire();
    assertEquals(List.of(Duration.ofSeconds(1)), waits, "idle time is not saved up");
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2024-03-08T12:00:00Z"), ZoneOffset.UTC);
    assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", clock));
    assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Fri, 08 Mar 2024 12:01:30 GMT", clock));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Fri, 08 Mar 2024 11:00:00 GMT", clock));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", clock));
    HttpHeaders headers = HttpHeaders.of(Map.of("retry-after", List.of("3")), (a, b) -> true);
    assertEquals(Optional.of(Duration.ofSeconds(3)), RetryAfter.of(headers, clock));
  }

  @Test
  void backoffGrowsWithJitterUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1));
    for (int i = 0; i < 200; i++) {
      assertTrue(policy.backoff(1).toMillis() <= 100);
      assertTrue(policy.backoff(3).toMillis() <= 400);
      assertTrue(policy.backoff(30).toMillis() <= 2_000);
      Duration afterRetryAfter = policy.afterRetryAfter(Duration.ofSeconds(10));
      assertTrue(afterRetryAfter.compareTo(Duration.ofSeconds(10)) >= 0 && afterRetryAfter.toMillis() <= 11_000);
    }
  }

  @Test
  void theBreakerOpensAfterTheThresholdOfFailuresInARowAndStaysOpen() {
    CircuitBreaker breaker = new CircuitBreaker("geoclient", 3);
    breaker.recordFailure("HTTP 500");
    breaker.recordFailure("HTTP 500");
    breaker.recordSuccess();
    breaker.recordFailure("HTTP 503");
    breaker.recordFailure("HTTP 503");
    assertFalse(breaker.isOpen(), "a success in between resets the count");
    breaker.recordFailure("HTTP 503");
    assertTrue(breaker.isOpen());
    assertEquals("3 calls in a row failed, the last with HTTP 503", breaker.reason());
    breaker.recordSuccess();
    assertTrue(breaker.isOpen(), "open for the rest of the run");
  }
}
