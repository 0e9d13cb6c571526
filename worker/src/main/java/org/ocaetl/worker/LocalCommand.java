package org.ocaetl.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.temporal.client.WorkflowFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ocaetl.activities.NoGeocoder;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
      "Runs one processing run over a folder of raw extract files, in this process: Temporal's",
      "in-process server, a worker, and PostgreSQL (--database-url, or an embedded one).",
      "Prints the run result as JSON on stdout.",
      "Exit codes: 0 every file promoted with no failed case; 3 the run finished but files or",
      "cases failed (listed in the result); 1 the run itself failed; 2 bad usage."
    })
final class LocalCommand implements Callable<Integer> {
  static final int EXIT_CLEAN = 0;
  static final int EXIT_RUN_FAILED = 1;
  static final int EXIT_FILES_FAILED = 3;

  private static final Logger log = LoggerFactory.getLogger(LocalCommand.class);
  /** Results on stdout (shared with the commands that print run results). */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  @Spec CommandSpec spec;

  @Option(names = "--raw-dir", required = true, paramLabel = "DIR", description = "Folder of raw extract zips (the inbox).")
  Path rawDir;

  @Option(names = "--database-url", paramLabel = "URL",
      description = "postgresql://user:pw@host:port/db or jdbc:postgresql://…; default: an embedded PostgreSQL under --data-dir.")
  String databaseUrl;

  @Option(names = "--schema", defaultValue = "public", paramLabel = "S", description = "Schema of the oca tables (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--store", paramLabel = "DIR", description = "Object store folder (default: <data-dir>/store).")
  Path storeDir;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Scratch folder for DuckDB files and CSVs (default: <data-dir>/work).")
  Path workDir;

  @Option(names = "--geocoder", defaultValue = "none", paramLabel = "NAME", description = "Geocoder (available: none).")
  String geocoder;

  @Option(names = "--reprocess", paramLabel = "GLOB", description = "Also replay archived files whose names match GLOB.")
  String reprocessGlob;

  @Option(names = "--parallel", defaultValue = "2", paramLabel = "N", description = "Files staged at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Mixin StagingOptions staging;

  @Option(names = "--data-dir", defaultValue = "${sys:user.home}/.oca", paramLabel = "DIR",
      description = "Home of the embedded PostgreSQL, store and work folders (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    checkUsage();
    Path work = workDir != null ? workDir : dataDir.resolve("work");
    StagingLimits limits = staging.limits(work);
    try (LocalRun run = LocalRun.start(databaseUrl, dataDir, spec.commandLine().getErr())) {
      WorkerConfig config =
          WorkerConfig.of(run.databaseUrl(), schema, storeDir != null ? storeDir : dataDir.resolve("store"), rawDir, work)
              .withStagingLimits(limits)
              .withParallelism(parallel)
              .withGeocoder(geocoder);
      RunResult result;
      try {
        result = run.execute(config, RunRequest.of(reprocessGlob, parallel));
      } catch (WorkflowFailedException e) {
        log.error("The run failed: {}", FailureTypes.reason(e.getCause()), e);
        return EXIT_RUN_FAILED;
      }
      spec.commandLine().getOut().println(JSON.writeValueAsString(result));
      spec.commandLine().getOut().flush();
      listFailures(result);
      return exitCode(result);
    }
  }

  /** Bad values are usage errors (exit code 2), found before anything starts. */
  private void checkUsage() {
    if (!Files.isDirectory(rawDir)) {
      throw new ParameterException(spec.commandLine(), "--raw-dir is not a folder: " + rawDir);
    }
    if (parallel < 1) {
      throw new ParameterException(spec.commandLine(), "--parallel must be at least 1");
    }
    if (!NoGeocoder.NAME.equals(geocoder)) {
      throw new ParameterException(spec.commandLine(), "Unknown --geocoder '" + geocoder + "' (available: none)");
    }
    try {
      SqlIdentifier.require(schema);
      if (reprocessGlob != null) {
        RawFileDiscovery.glob(reprocessGlob);
      }
      if (databaseUrl != null) {
        DatabaseUrl.parse(databaseUrl);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** 0 when every file was promoted (or was before) with no failed case; 3 otherwise. */
  static int exitCode(RunResult result) {
    boolean clean = result.filesFailed() == 0 && result.casesFailed() == 0 && result.publishError() == null;
    return clean ? EXIT_CLEAN : EXIT_FILES_FAILED;
  }

  /** Names every failed file and file with failed cases on stderr (details are in the JSON). */
  static void listFailures(RunResult result) {
    for (FileOutcome file : result.files()) {
      if (file.outcome() == FileOutcome.Outcome.FAILED) {
        log.warn("{} failed: {}", file.fileName(), file.reason());
      } else if (file.casesFailed() > 0) {
        log.warn("{}: {} case(s) could not be converted", file.fileName(), file.casesFailed());
      }
    }
    if (result.publishError() != null) {
      log.warn("Publishing failed: {}", result.publishError());
    }
  }
}
