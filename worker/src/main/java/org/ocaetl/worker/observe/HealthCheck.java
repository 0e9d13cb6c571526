package org.ocaetl.worker.observe;

import java.util.Optional;

/** A probe: empty when healthy, otherwise why not (one line, no secrets). */
@FunctionalInterface
public interface HealthCheck {
  HealthCheck ALWAYS = () -> Optional.empty();

  Optional<String> problem();
}
