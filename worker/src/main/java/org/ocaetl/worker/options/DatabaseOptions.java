package org.ocaetl.worker.options;

import picocli.CommandLine.Option;

/** {@code --database-url} and {@code --schema} of the commands that write the oca tables (a picocli mixin). */
public final class DatabaseOptions {
  @Option(
      names = "--database-url",
      defaultValue = "${env:OCA_DATABASE_URL}",
      paramLabel = "URL",
      description = "PostgreSQL, postgresql://user:pw@host:port/db or jdbc:postgresql://… (env OCA_DATABASE_URL;"
          + " required; prefer the env var, it holds a password).")
  String databaseUrl;

  @Option(
      names = "--schema",
      defaultValue = "${env:OCA_SCHEMA:-public}",
      paramLabel = "S",
      description = "Schema of the oca tables (env OCA_SCHEMA), default ${DEFAULT-VALUE}.")
  String schema;

  /** The URL as given (null when neither the flag nor the variable is set). */
  public String databaseUrl() {
    return databaseUrl;
  }

  public String schema() {
    return schema;
  }
}
