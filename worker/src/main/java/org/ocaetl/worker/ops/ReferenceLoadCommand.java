package org.ocaetl.worker.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.reference.BadReferenceFileException;
import org.ocaetl.reference.PlutoLoader;
import org.ocaetl.reference.ReferenceRelease;
import org.ocaetl.reference.TractsLoader;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.worker.cli.CliJson;
import org.ocaetl.worker.cli.DatabaseFailures;
import org.ocaetl.worker.options.DatabaseOptions;
import org.ocaetl.worker.options.PostgisOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oca load-pluto} and {@code oca load-tracts}: migrate the schema, replace one reference
 * table with a release file in one transaction, record the release (so anyone can tell which release the database holds) and print the
 * record as JSON. Bad input exits with 1 and one message naming file, line and value; the table
 * keeps its previous release.
 */
public abstract class ReferenceLoadCommand implements Callable<Integer> {
  static final int EXIT_BAD_INPUT = 1;
  private static final Logger log = LoggerFactory.getLogger(ReferenceLoadCommand.class);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The release's CSV file.")
  Path file;

  @Option(names = "--release", required = true, paramLabel = "NAME",
      description = "Release name recorded with the load, e.g. 25v1.1 for PLUTO or 2020 for tracts.")
  String release;

  @Mixin DatabaseOptions db;

  @Mixin PostgisOption postgis;

  /** Loads {@code file} into its table of {@code schema}. */
  abstract ReferenceRelease load(DataSource database, String schema, Path file, String release)
      throws IOException, SQLException;

  @Override
  public Integer call() throws Exception {
    DataSource database;
    try {
      if (db.databaseUrl() == null || db.databaseUrl().isBlank()) {
        throw new IllegalArgumentException("Missing --database-url (or env OCA_DATABASE_URL)");
      }
      database = DatabaseUrl.parse(db.databaseUrl());
      SqlIdentifier.require(db.schema());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Not a file: " + file);
      }
      if (release.isBlank()) {
        throw new IllegalArgumentException("--release must not be blank");
      }
      postgis.mode();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DatabaseFailures.explained(db.databaseUrl(), db.schema(),
        () -> SchemaMigrator.migrate(database, db.schema(), postgis.mode()));
    try {
      ReferenceRelease loaded = load(database, db.schema(), file, release);
      log.info("Loaded {} release {} into {}.{}: {} rows", loaded.fileName(), loaded.release(), db.schema(),
          loaded.table(), loaded.rows());
      spec.commandLine().getOut().println(CliJson.pretty(loaded));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (BadReferenceFileException | IllegalStateException e) {
      log.error("Nothing loaded: {}", e.getMessage());
      return EXIT_BAD_INPUT;
    }
  }

  @Command(
      name = "load-pluto",
      mixinStandardHelpOptions = true,
      description = {
        "Replaces the pluto table with a PLUTO release CSV and records the release.",
        "The columns bbl, unitsres, bct2020, bctcb2020, ct2010, cb2010, cd and council are found by header"
            + " name; the table is replaced in one transaction and the release recorded in oca_reference_releases.",
        "Prints the record as JSON. Exit 1: bad input, nothing replaced."
      })
  public static final class Pluto extends ReferenceLoadCommand {
    @Override
    ReferenceRelease load(DataSource database, String schema, Path file, String release)
        throws IOException, SQLException {
      return new PlutoLoader(database, schema).load(file, release);
    }
  }

  @Command(
      name = "load-tracts",
      mixinStandardHelpOptions = true,
      description = {
        "Replaces the tracts table (PostGIS required) with census tract boundaries from a CSV.",
        "The CSV has a WKT column (the_geom, wkt, geometry or geom; WGS 84) and geoid (statefp, countyfp,"
            + " tractce from their columns or the GEOID); the table is replaced in one transaction and the"
            + " release recorded.",
        "Prints the record as JSON. Exit 1: bad input or no PostGIS, nothing replaced."
      })
  public static final class Tracts extends ReferenceLoadCommand {
    @Override
    ReferenceRelease load(DataSource database, String schema, Path file, String release)
        throws IOException, SQLException {
      return new TractsLoader(database, schema).load(file, release);
    }
  }
}
