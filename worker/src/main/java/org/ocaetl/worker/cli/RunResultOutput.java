package org.ocaetl.worker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command that ran a run ({@code oca local}, {@code oca start --wait}) prints and returns:
 * the result as JSON on stdout, the failed files and cases named in the log, and the exit code.
 */
public final class RunResultOutput {
  public static final int EXIT_CLEAN = 0;
  public static final int EXIT_RUN_FAILED = 1;
  public static final int EXIT_FILES_FAILED = 3;

  private static final Logger log = LoggerFactory.getLogger(RunResultOutput.class);

  private RunResultOutput() {}

  /** Prints {@code result} on {@code out}, lists its failures and returns its exit code. */
  public static int print(RunResult result, PrintWriter out) throws JsonProcessingException {
    out.println(CliJson.pretty(result));
    out.flush();
    listFailures(result);
    return exitCode(result);
  }

  /**
   * 0 when every file was promoted (or was before) with no failed case; 1 when oca crashed on a
   * file; 3 otherwise.
   */
  public static int exitCode(RunResult result) {
    if (result.files().stream().anyMatch(RunResultOutput::crashedOn)) {
      return EXIT_RUN_FAILED;
    }
    boolean clean = result.filesFailed() == 0 && result.casesFailed() == 0 && result.publishError() == null;
    return clean ? EXIT_CLEAN : EXIT_FILES_FAILED;
  }

  /**
   * Whether {@code file} failed with an unexpected Java error (its reason's type is a class name
   * such as {@code java.lang.OutOfMemoryError}) rather than with one of the typed failures of the
   * activities ({@code BadExtractFile}, {@code ChecksumConflict}, …).
   */
  private static boolean crashedOn(FileOutcome file) {
    if (file.outcome() != FileOutcome.Outcome.FAILED || file.reason() == null) {
      return false;
    }
    int colon = file.reason().indexOf(": ");
    return colon > 0 && file.reason().substring(0, colon).matches("[a-z][\\w]*(\\.[\\w$]+)+");
  }

  /** Names every failed file and file with failed cases on stderr (details are in the JSON). */
  private static void listFailures(RunResult result) {
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
