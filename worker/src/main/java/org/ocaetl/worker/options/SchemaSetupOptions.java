package org.ocaetl.worker.options;

import java.util.List;
import org.ocaetl.db.Grant;
import org.ocaetl.db.SchemaSetup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --postgis} and {@code --grant} of the commands that run and publish. */
public final class SchemaSetupOptions {
  @Mixin PostgisOption postgis;

  @Option(
      names = "--grant",
      defaultValue = "${env:OCA_GRANTS}",
      paramLabel = "ROLE:PRIVILEGE",
      description = "Grant applied on every publish: ROLE gets PRIVILEGE (select, insert, update, delete, truncate,"
          + " references, trigger or all) on every table and view of the schema, and USAGE on it. Repeatable or"
          + " comma-separated (env OCA_GRANTS, e.g. analyst:select,etl_admin:all). The roles must exist.")
  List<String> grants;

  /** The setup; IllegalArgumentException for a bad mode or grant. */
  public SchemaSetup setup() {
    return new SchemaSetup(postgis.mode(), Grant.parseAll(grants));
  }
}
