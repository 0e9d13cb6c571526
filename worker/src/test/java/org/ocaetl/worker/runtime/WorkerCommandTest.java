package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.Grant;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.db.SchemaSetup;
import org.ocaetl.parse.CaseBounds;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.worker.cluster.TemporalSettings;
import org.ocaetl.worker.testing.Cli;
import picocli.CommandLine;

/** Each {@code oca worker} flag ends up in the configuration it is meant for. */
class WorkerCommandTest {
  @TempDir Path root;

  WorkerCommand parse(String... args) {
    WorkerCommand command = new WorkerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void flagsReachTheWorkerConfiguration() {
    WorkerCommand command =
        parse("--database-url", "postgresql://oca:pw@db.internal:5432/oca", "--schema", "oca_prod",
            "--store", root.resolve("store").toString(), "--inbox", root.resolve("inbox").toString(),
            "--work-dir", root.resolve("work").toString(), "--parallel", "3", "--memory-limit", "300MB",
            "--threads", "1", "--temp-dir", root.resolve("spill").toString(), "--max-temp-size", "20GB", "--task-queue", "oca-q",
            "--temporal-address", "temporal.internal:7233", "--namespace", "oca-ns", "--metrics-port", "9999",
            "--shutdown-grace", "45", "--sticky-wait", "0");
    WorkerConfig config = command.config();
    assertEquals("postgresql://oca:pw@db.internal:5432/oca", config.databaseUrl());
    assertEquals("oca_prod", config.schema());
    assertEquals(root.resolve("store"), config.storeDir());
    assertEquals(root.resolve("inbox"), config.rawInbox());
    assertEquals(root.resolve("work"), config.workDir());
    assertEquals(3, config.parallelism());
    assertEquals(new StagingLimits("300MB", 1, root.resolve("spill"), "20GB"), config.stagingLimits());
    assertEquals("oca-q", config.taskQueue());
    assertEquals(3, WorkerBootstrap.hostWorkerOptions(config).getMaxConcurrentActivityExecutionSize(),
        "--parallel bounds the staging steps this worker runs at once");
    assertEquals(Duration.ZERO, WorkerBootstrap.sharedWorkerOptions(config).getStickyQueueScheduleToStartTimeout(),
        "--sticky-wait 0 turns sticky execution off");
    TemporalSettings temporal = command.temporalSettings();
    assertEquals("temporal.internal:7233", temporal.address());
    assertEquals("oca-ns", temporal.namespace());
    assertEquals(9999, command.metricsPort);
    assertEquals(45, command.shutdownGraceSeconds);
    assertTrue(!config.toString().contains(":pw@"), "the password is redacted: " + config);
  }

  @Test
  void caseBoundFlagsReachTheStagingLimits() {
    WorkerCommand command =
        parse("--database-url", "postgresql://oca@db/oca", "--store", "s", "--inbox", "r",
            "--max-case-children", "500", "--max-case-elements", "6000", "--max-case-text", "70000");
    assertEquals(new CaseBounds(500, 6_000, 70_000), command.config().stagingLimits().caseBounds());
    assertEquals(CaseBounds.DEFAULTS,
        parse("--database-url", "postgresql://oca@db/oca", "--store", "s", "--inbox", "r").config().stagingLimits().caseBounds());
  }

  @Test
  void defaultsWithoutEnvironment() {
    // The build does not set any OCA_* variable, so these are the documented defaults.
    WorkerCommand command =
        parse("--database-url", "postgresql://oca@db/oca", "--store", "s", "--inbox", "r");
    WorkerConfig config = command.config();
    assertEquals("public", config.schema());
    assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "oca-work"), config.workDir());
    assertEquals(2, config.parallelism());
    assertEquals(WorkerConfig.DEFAULT_STICKY_WAIT, config.stickyWait());
    assertEquals(new StagingLimits("512MB", 2, config.workDir().resolve("duckdb-tmp")), config.stagingLimits());
    assertEquals("oca-etl", config.taskQueue());
    TemporalSettings temporal = command.temporalSettings();
    assertEquals("127.0.0.1:7233", temporal.address());
    assertEquals("default", temporal.namespace());
    assertTrue(!temporal.usesTls());
    assertEquals(9464, command.metricsPort);
    assertEquals(90, command.shutdownGraceSeconds);
  }

  @Test
  void missingOrBadSettingsAreUsageErrorsNamingTheEnvironmentVariable() {
    Cli missing = Cli.run("worker", "--store", "s", "--inbox", "r");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("Missing --database-url (or env OCA_DATABASE_URL)"), missing.err());
    assertTrue(Cli.run("worker", "--database-url", "postgresql://db/oca", "--inbox", "r").err()
        .contains("OCA_STORE"));
    assertEquals(2, Cli.run("worker", "--database-url", "postgresql://db/oca", "--store", "s", "--inbox", "r",
        "--schema", "Bad-Schema").exitCode());
    assertEquals(2, Cli.run("worker", "--database-url", "postgresql://db/oca", "--store", "s", "--inbox", "r",
        "--parallel", "0").exitCode());
    assertThrows(CommandLine.ParameterException.class,
        () -> parse("--database-url", "postgresql://db/oca", "--store", "s", "--inbox", "r",
            "--memory-limit", "lots").config());
    for (String[] bad : List.of(new String[] {"--postgis", "maybe"}, new String[] {"--grant", "analyst"},
        new String[] {"--grant", "analyst:read"}, new String[] {"--grant", "Bad-Role:select"})) {
      CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
          () -> parse("--database-url", "postgresql://db/oca", "--store", "s", "--inbox", "r", bad[0], bad[1]).config());
      assertTrue(e.getMessage().contains(bad[1].split(":")[0].replace("maybe", "auto or off")), e.getMessage());
    }
  }

  @Test
  void postgisAndGrantsReachTheSchemaSetup() {
    WorkerConfig defaults = parse("--database-url", "postgresql://oca@db/oca", "--store", "s", "--inbox", "r").config();
    assertEquals(new SchemaSetup(PostgisMode.AUTO, List.of()), defaults.schemaSetup());

    WorkerConfig config = parse("--database-url", "postgresql://oca@db/oca", "--store", "s", "--inbox", "r",
        "--postgis", "OFF", "--grant", "analyst:select", "--grant", "etl_admin:all,reader:SELECT").config();
    assertEquals(PostgisMode.OFF, config.schemaSetup().postgis());
    assertEquals("[analyst:select, etl_admin:all, reader:select]", config.schemaSetup().grants().toString());
    assertEquals(Grant.Privilege.ALL, config.schemaSetup().grants().get(1).privilege());
  }

  @Test
  void pgS3ImportNeedsAnS3StoreAndItsRegion() {
    assertNull(parse("--database-url", "postgresql://db/oca", "--store", "s", "--inbox", "r").config().pgS3Import());
    Cli folder = Cli.run("worker", "--database-url", "postgresql://db/oca", "--store", "s", "--inbox", "r",
        "--pg-s3-import");
    assertEquals(2, folder.exitCode());
    assertTrue(folder.err().contains("--pg-s3-import (OCA_PG_S3_IMPORT) needs an s3://bucket/prefix store"), folder.err());

    WorkerCommand command = parse("--database-url", "postgresql://db/oca", "--store", "s3://oca-bucket/nyc",
        "--inbox", "r", "--pg-s3-import");
    command.environment = Map.of("AWS_REGION", "us-east-2", "OCA_PG_S3_ACCESS_KEY_ID", "AKIAEXAMPLE",
        "OCA_PG_S3_SECRET_ACCESS_KEY", "wJalrXUtnSECRET");
    WorkerConfig config = command.config();
    assertEquals("us-east-2", config.pgS3Import().region());
    assertEquals("oca-bucket", config.pgS3Import().location().bucket());
    assertEquals("AKIAEXAMPLE", config.pgS3Import().credentials().accessKeyId());
    assertFalse(config.toString().contains("wJalrXUtnSECRET"), config.toString());
  }
}
