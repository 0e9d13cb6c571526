package org.ocaetl.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits in a test for something that happens on another thread, process or server: polls until it
 * holds, or fails after the timeout naming what it waited for (and the last value it saw). The
 * pause between polls grows from 10 to 200 ms, so a quick change is seen at once and an expensive
 * probe (a query, an HTTP call, a CLI run) is not repeated in a tight loop. An exception of the
 * probe ends the wait at once; a probe that expects a transient one catches it itself.
 */
public final class Await {
  private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

  /** A condition that may throw {@code E} (an SQL or I/O probe). */
  @FunctionalInterface
  public interface Condition<E extends Exception> {
    boolean holds() throws E;
  }

  /** One look at a value that may throw {@code E}. */
  @FunctionalInterface
  public interface Poll<T, E extends Exception> {
    T next() throws E;
  }

  private Await() {}

  /** Polls {@code condition} until it holds; fails after {@code timeout} naming {@code what}. */
  public static <E extends Exception> void until(Duration timeout, String what, Condition<E> condition) throws E {
    await(timeout, what, condition::holds, Boolean::booleanValue, false);
  }

  /**
   * Polls {@code poll} until {@code done} accepts its value and returns that value; fails after
   * {@code timeout} naming {@code what} and the last value.
   */
  public static <T, E extends Exception> T until(Duration timeout, String what, Poll<T, E> poll, Predicate<? super T> done)
      throws E {
    return await(timeout, what, poll, done, true);
  }

  private static <T, E extends Exception> T await(
      Duration timeout, String what, Poll<T, E> poll, Predicate<? super T> done, boolean showLast) throws E {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = FIRST_PAUSE;
    while (true) {
      T last = poll.next();
      if (done.test(last)) {
        return last;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("Timed out after " + seconds(timeout) + " s waiting for " + what
            + (showLast ? "; last: " + last : ""));
      }
      sleep(Math.min(pause.toNanos(), left));
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
    }
  }

  private static String seconds(Duration timeout) {
    return BigDecimal.valueOf(timeout.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting", e);
    }
  }
}
