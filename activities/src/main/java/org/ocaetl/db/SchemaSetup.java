package org.ocaetl.db;

import java.util.List;
import java.util.Objects;

/**
 * How the oca schema is set up beyond its Flyway migrations: whether PostGIS is used, and the
 * grants applied on every publish (configuration, never code: roles differ between deployments).
 */
public record SchemaSetup(PostgisMode postgis, List<Grant> grants) {
  public SchemaSetup {
    Objects.requireNonNull(postgis, "postgis");
    grants = List.copyOf(grants);
  }

  /** PostGIS where available, no grants. */
  public static SchemaSetup defaults() {
    return new SchemaSetup(PostgisMode.AUTO, List.of());
  }

  @Override
  public String toString() {
    return "postgis=" + postgis + ", grants=" + grants;
  }
}
