package org.ocaetl.db;

import java.util.Locale;

/**
 * Whether the schema set-up uses PostGIS ({@code --postgis}, env {@code OCA_POSTGIS}): {@code auto}
 * uses it when the extension is installed in the database or can be installed by this role;
 * {@code off} never creates PostGIS objects (oca_addresses.geom, tracts, the tract view).
 */
public enum PostgisMode {
  AUTO,
  OFF;

  /** {@code auto} or {@code off}, case-insensitive. */
  public static PostgisMode parse(String text) {
    if (text != null) {
      for (PostgisMode mode : values()) {
        if (mode.name().equalsIgnoreCase(text.strip())) {
          return mode;
        }
      }
    }
    throw new IllegalArgumentException("PostGIS mode must be auto or off, not " + text);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
