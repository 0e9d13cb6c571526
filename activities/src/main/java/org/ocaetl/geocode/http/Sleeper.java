package org.ocaetl.geocode.http;

import java.time.Duration;

/** Waits; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
