package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays recorded histories against the current workflow code: a change that alters the
 * command sequence of a run already in history (non-determinism) fails here, not in production.
 */
class HistoryReplayTest {
  static final Path HISTORIES = Path.of("src/test/resources/histories");

  @Test
  void historiesArePresent() throws IOException {
    assertFalse(histories().isEmpty(), "no recorded histories in " + HISTORIES.toAbsolutePath());
  }

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws IOException {
    return histories().stream()
        .map(
            history ->
                DynamicTest.dynamicTest(
                    history.getFileName().toString(),
                    () ->
                        WorkflowReplayer.replayWorkflowExecution(
                            Files.readString(history),
                            OcaRunWorkflowImpl.class,
                            FileWorkflowImpl.class,
                            GeocodeBackfillWorkflowImpl.class,
                            BackfillWorkflowImpl.class)));
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
