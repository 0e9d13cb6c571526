package org.ocaetl.worker.options;

import org.ocaetl.db.PostgisMode;
import picocli.CommandLine.Option;

/** {@code --postgis auto|off} of the commands that set up the schema. */
public final class PostgisOption {
  @Option(
      names = "--postgis",
      defaultValue = "${env:OCA_POSTGIS:-auto}",
      paramLabel = "auto|off",
      description = "auto: use PostGIS (oca_addresses.geom, tracts, oca_addresses_with_ct) when the database has it"
          + " or this role can install it; off: never (env OCA_POSTGIS), default ${DEFAULT-VALUE}.")
  String postgis;

  /** The setting as given, to pass on to another command. */
  public String value() {
    return postgis;
  }

  /** The mode; IllegalArgumentException unless auto or off. */
  public PostgisMode mode() {
    return PostgisMode.parse(postgis);
  }
}
