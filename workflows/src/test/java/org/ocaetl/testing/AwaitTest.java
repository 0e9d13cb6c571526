package org.ocaetl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returnsOnceTheConditionHolds() {
    AtomicInteger polls = new AtomicInteger();
    Await.until(Duration.ofSeconds(10), "the third poll", () -> polls.incrementAndGet() == 3);
    assertEquals(3, polls.get());
  }

  @Test
  void returnsTheFirstAcceptedValue() {
    AtomicInteger polls = new AtomicInteger();
    assertEquals(4, Await.until(Duration.ofSeconds(10), "an even number above 3", polls::incrementAndGet, n -> n > 3 && n % 2 == 0));
  }

  @Test
  void failsAfterTheTimeoutNamingWhatItAwaitedAndTheLastValue() {
    AtomicInteger polls = new AtomicInteger();
    long started = System.nanoTime();
    AssertionError failed =
        assertThrows(AssertionError.class, () -> Await.until(Duration.ofMillis(300), "a negative count", polls::incrementAndGet, n -> n < 0));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0, "waited the timeout: " + took);
    assertEquals("Timed out after 0.3 s waiting for a negative count; last: " + polls.get(), failed.getMessage());
    assertTrue(polls.get() > 2, "polled again and again: " + polls.get());
  }

  @Test
  void aConditionThatNeverHoldsFailsWithItsDescription() {
    AssertionError failed = assertThrows(AssertionError.class, () -> Await.until(Duration.ofMillis(50), "never", () -> false));
    assertEquals("Timed out after 0.05 s waiting for never", failed.getMessage());
  }

  @Test
  void anExceptionOfTheConditionEndsTheWaitAtOnce() {
    IOException broken = new IOException("broken probe");
    long started = System.nanoTime();
    assertSame(broken, assertThrows(IOException.class, () -> Await.until(Duration.ofMinutes(1), "a probe", () -> {
      throw broken;
    })));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "not after the timeout");
  }
}
