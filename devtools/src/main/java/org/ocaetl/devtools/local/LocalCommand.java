package org.ocaetl.devtools.local;

import io.temporal.client.WorkflowFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.rds.AwsS3Settings;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3Settings;
import org.ocaetl.worker.cli.CliJson;
import org.ocaetl.worker.cli.RunResultOutput;
import org.ocaetl.worker.options.SchemaSetupOptions;
import org.ocaetl.worker.options.StagingOptions;
import org.ocaetl.worker.runtime.WorkerConfig;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.model.GeocodeBackfillResult;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oca local}: one run over a folder, entirely in this process (Temporal's in-process
 * server, a worker with the production code, and PostgreSQL given by URL or embedded). Prints the
 * run result as JSON on stdout; logs go to stderr.
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one processing run over an inbox of raw extract files, in this process.",
      "The inbox is a folder, an S3 prefix or an SFTP server; the run uses Temporal's in-process server,"
          + " a worker, and PostgreSQL (--database-url, or an embedded one).",
      "Prints the run result as JSON on stdout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file promoted with no failed case",
      "1:the run failed: the database cannot be used (one line says why), the run itself failed, or oca"
          + " crashed, also on a file (e.g. out of memory; the file is listed in the result)",
      "2:bad usage",
      "3:the run finished but files or cases failed on their content (listed in the result)"
    })
public final class LocalCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(LocalCommand.class);

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inbox inbox;

  /** Where raw files arrive: exactly one of the two options. */
  static final class Inbox {
    @Option(names = "--raw-dir", required = true, paramLabel = "DIR", description = "Folder of raw extract zips (the inbox).")
    Path rawDir;

    @Option(names = "--inbox", required = true, paramLabel = "URI",
        description = "The inbox by URI: a folder, file:///dir, s3://bucket/prefix or sftp://user@host[:port]/dir"
          + " (secrets from OCA_SFTP_PASSWORD / OCA_SFTP_PRIVATE_KEY, host key from OCA_SFTP_KNOWN_HOSTS).")
    String uri;

    String asUri() {
      return uri != null ? uri : rawDir.toString();
    }
  }

  /** The environment the store and inbox settings come from (tests substitute their own). */
  Map<String, String> environment = System.getenv();

  /** Read here rather than as a picocli default, so that {@code oca demo} can leave it out. */
  static final String DATABASE_URL_ENV = "OCA_DATABASE_URL";

  @Option(names = "--database-url", paramLabel = "URL",
      description = "postgresql://user:pw@host:port/db or jdbc:postgresql://… (env " + DATABASE_URL_ENV + "); default:"
          + " an embedded PostgreSQL under --data-dir.")
  String databaseUrl;

  @Option(names = "--schema", defaultValue = "public", paramLabel = "S", description = "Schema of the oca tables (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--store", paramLabel = "URI",
      description = "Object store: a folder, file:///dir or s3://bucket/prefix (default: <data-dir>/store)."
        + " S3 settings: AWS_REGION, AWS_ENDPOINT_URL_S3, OCA_S3_PATH_STYLE, OCA_S3_CHECKSUMS, credentials chain.")
  String store;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Scratch folder for DuckDB files and CSVs (default: <data-dir>/work).")
  Path workDir;

  @Option(names = "--geocoder", paramLabel = "NAME",
      description = "Geocoder: none, geoclient, geosearch, census or chain (default: chain of the services"
        + " configured by OCA_GEOCLIENT_KEY, OCA_GEOSEARCH_URL, OCA_CENSUS_URL; none when none is).")
  String geocoder;

  @Option(names = "--geocode-backfill",
      description = "After the run, geocode every address row that still has no coordinates (counts on stderr).")
  boolean geocodeBackfill;

  @Option(names = "--reprocess", paramLabel = "GLOB", description = "Also replay archived files whose names match GLOB.")
  String reprocessGlob;

  @Option(names = "--parallel", defaultValue = "2", paramLabel = "N", description = "Files staged at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Mixin StagingOptions staging;

  @Option(names = "--pg-s3-import", defaultValue = "${env:OCA_PG_S3_IMPORT:-false}", paramLabel = "true|false", arity = "0..1",
      description = "RDS: load staged CSVs with aws_s3.table_import_from_s3 and write public CSVs with"
        + " aws_s3.query_export_to_s3 (env OCA_PG_S3_IMPORT; needs an s3:// --store; docs/storage.md).")
  boolean pgS3Import;

  @Mixin SchemaSetupOptions schemaSetup;

  @Option(names = "--data-dir", defaultValue = "${env:HOME:-${sys:user.home}}/.oca", paramLabel = "DIR",
      description = "Home of the embedded PostgreSQL, store and work folders (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    checkUsage();
    Path work = workDir != null ? workDir : dataDir.resolve("work");
    StagingLimits limits = staging.limits(work);
    String setting = databaseUrl != null ? "--database-url" : DATABASE_URL_ENV;
    try (LocalRun run = LocalRun.start(resolvedDatabaseUrl(), setting, dataDir, spec.commandLine().getErr())) {
      WorkerConfig.Builder builder =
          WorkerConfig.builder()
              .databaseUrl(run.databaseUrl())
              .schema(schema)
              .store(store != null ? store : dataDir.resolve("store").toString())
              .inbox(inbox.asUri())
              .workDir(work)
              .stagingLimits(limits)
              .parallelism(parallel)
              .schemaSetup(schemaSetup.setup())
              .geocoder(geocoder);
      if (pgS3Import) {
        builder.pgS3Import(AwsS3Settings.fromEnvironment(store, environment));
      }
      WorkerConfig config = builder.build();
      RunResult result;
      try {
        result = run.execute(config, RunRequest.of(reprocessGlob, parallel), environment);
      } catch (WorkflowFailedException e) {
        log.error("The run failed: {}", FailureTypes.reason(e.getCause()), e);
        return RunResultOutput.EXIT_RUN_FAILED;
      }
      int exit = RunResultOutput.print(result, spec.commandLine().getOut());
      if (geocodeBackfill) {
        GeocodeBackfillResult backfill = run.geocodeBackfill(config);
        spec.commandLine().getErr().println("Geocode backfill: " + CliJson.line(backfill));
        spec.commandLine().getErr().flush();
      }
      return exit;
    }
  }

  /** Bad values are usage errors (exit code 2), found before anything starts. */
  private void checkUsage() {
    if (inbox.rawDir != null && !Files.isDirectory(inbox.rawDir)) {
      throw new ParameterException(spec.commandLine(), "--raw-dir is not a folder: " + inbox.rawDir);
    }
    if (parallel < 1) {
      throw new ParameterException(spec.commandLine(), "--parallel must be at least 1");
    }
    try {
      GeocodingSettings geocoding = GeocodingSettings.fromEnvironment(System.getenv());
      geocoding.servicesFor(geocoder != null ? geocoder : geocoding.defaultGeocoder());
      SqlIdentifier.require(schema);
      schemaSetup.setup();
      if (reprocessGlob != null) {
        RawFileDiscovery.glob(reprocessGlob);
      }
      if (resolvedDatabaseUrl() != null) {
        DatabaseUrl.parse(resolvedDatabaseUrl());
      }
      if (inbox.uri != null) {
        RawInboxes.check(inbox.uri, environment);
      }
      if (pgS3Import) { // an s3:// store, a region, whole keys
        AwsS3Settings.fromEnvironment(store != null ? store : dataDir.resolve("store").toString(), environment);
      }
      if (store != null) {
        ObjectStores.check(store);
        if (S3Location.isS3(store)) {
          S3Settings.fromEnvironment(environment);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** --database-url, else OCA_DATABASE_URL when set and not blank; null: the embedded PostgreSQL. */
  private String resolvedDatabaseUrl() {
    if (databaseUrl != null) {
      return databaseUrl;
    }
    String url = environment.get(DATABASE_URL_ENV);
    return url == null || url.isBlank() ? null : url;
  }
}
