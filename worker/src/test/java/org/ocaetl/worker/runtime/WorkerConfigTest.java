package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.SchemaSetup;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.workflows.OcaActivityOptions;
import org.ocaetl.workflows.WorkflowIds;

/** What {@link WorkerConfig#builder()} fills in, and what it cannot. */
class WorkerConfigTest {
  @TempDir Path root;

  WorkerConfig.Builder folders() {
    return WorkerConfig.builder()
        .databaseUrl("postgresql://oca@db/oca")
        .schema("oca")
        .store(root.resolve("store"))
        .inbox(root.resolve("inbox"))
        .workDir(root.resolve("work"));
  }

  @Test
  void aWorkerRestartedWithTheSameHostnameAndPidPollsAnotherHostQueue() {
    // Two configurations in one JVM stand for a container restarted in its pod: the same pod name,
    // and the JVM is PID 1 again.
    assertNotEquals(folders().build().hostTaskQueue(), folders().build().hostTaskQueue());
  }

  @Test
  void aWorkerOverFoldersGetsTheWorkerDefaults() {
    WorkerConfig config = folders().build();
    assertEquals(root.resolve("store"), config.storeDir());
    assertEquals(root.resolve("inbox"), config.rawInbox());
    assertEquals(root.resolve("store").toUri().toString(), config.storeUri());
    assertEquals(WorkflowIds.TASK_QUEUE, config.taskQueue());
    assertTrue(config.hostTaskQueue().startsWith(WorkflowIds.TASK_QUEUE + "/host/"), config.hostTaskQueue());
    assertEquals(OcaActivityOptions.DEFAULT_HOST_WAIT, config.hostWait());
    assertEquals(Duration.ofSeconds(5), config.stickyWait(), "Temporal's default");
    assertEquals(2, config.parallelism());
    assertEquals(StagingLimits.defaults(root.resolve("work/duckdb-tmp")), config.stagingLimits());
    assertEquals(SchemaSetup.defaults(), config.schemaSetup());
    assertNull(config.pgS3Import());
  }

  @Test
  void eachSetterReplacesOneDefault() {
    WorkerConfig config = folders().parallelism(5).hostWait(Duration.ofSeconds(3)).taskQueue("oca-q").build();
    assertEquals(5, config.parallelism());
    assertEquals(Duration.ofSeconds(3), config.hostWait());
    assertEquals("oca-q", config.taskQueue());
  }

  @Test
  void storeInboxAndWorkFolderHaveNoDefault() {
    assertThrows(NullPointerException.class, () -> folders().store((String) null).build());
    assertThrows(NullPointerException.class, () -> folders().inbox((String) null).build());
    assertThrows(NullPointerException.class, () -> folders().workDir(null).build());
    assertThrows(IllegalArgumentException.class, () -> folders().parallelism(0).build());
  }
}
