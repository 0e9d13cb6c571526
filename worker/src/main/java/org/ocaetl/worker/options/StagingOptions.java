package org.ocaetl.worker.options;

import java.nio.file.Path;
import org.ocaetl.parse.CaseBounds;
import org.ocaetl.stage.StagingLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * DuckDB staging limits and case bounds shared by every command that parses (picocli mixin).
 * Defaults come from the environment so the container image can size DuckDB next to the JVM heap.
 */
public final class StagingOptions {

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--memory-limit",
      defaultValue = "${env:OCA_DUCKDB_MEMORY_LIMIT:-512MB}",
      paramLabel = "SIZE",
      description =
          "DuckDB memory_limit (native memory outside the heap; env OCA_DUCKDB_MEMORY_LIMIT),"
              + " default ${DEFAULT-VALUE}.")
  String memoryLimit;

  @Option(
      names = "--threads",
      defaultValue = "${env:OCA_DUCKDB_THREADS:-2}",
      paramLabel = "N",
      description = "Staged CSVs exported at once, each on its own DuckDB connection (DuckDB itself runs"
          + " one thread per connection; env OCA_DUCKDB_THREADS), default ${DEFAULT-VALUE}.")
  int threads;

  @Option(
      names = "--temp-dir",
      defaultValue = "${env:OCA_DUCKDB_TEMP_DIR}",
      paramLabel = "DIR",
      description =
          "Where DuckDB spills past its memory limit (env OCA_DUCKDB_TEMP_DIR), default a"
              + " duckdb-tmp folder in the command's work folder.")
  Path tempDir;

  @Option(
      names = "--max-temp-size",
      defaultValue = "${env:OCA_DUCKDB_MAX_TEMP_SIZE}",
      paramLabel = "SIZE",
      description =
          "DuckDB max_temp_directory_size: how much may spill into the temp dir before the step fails"
              + " (retryably; env OCA_DUCKDB_MAX_TEMP_SIZE), default DuckDB's own, 90%% of that disk's free space.")
  String maxTempSize;

  @Option(
      names = "--max-case-children",
      defaultValue = "${env:OCA_MAX_CASE_CHILDREN:-10000}",
      paramLabel = "N",
      description =
          "A case with more child elements in one element (e.g. Party elements in Parties) fails alone"
              + " as too large (env OCA_MAX_CASE_CHILDREN), default ${DEFAULT-VALUE}.")
  int maxCaseChildren;

  @Option(
      names = "--max-case-elements",
      defaultValue = "${env:OCA_MAX_CASE_ELEMENTS:-100000}",
      paramLabel = "N",
      description =
          "A case (Index) with more elements fails alone as too large (env OCA_MAX_CASE_ELEMENTS),"
              + " default ${DEFAULT-VALUE}.")
  int maxCaseElements;

  @Option(
      names = "--max-case-text",
      defaultValue = "${env:OCA_MAX_CASE_TEXT:-4194304}",
      paramLabel = "CHARS",
      description =
          "A case (Index) with more characters of text fails alone as too large (env OCA_MAX_CASE_TEXT),"
              + " default ${DEFAULT-VALUE}.")
  int maxCaseText;

  /** The limits, with {@code workDir/duckdb-tmp} as the spill folder unless one was given. */
  public StagingLimits limits(Path workDir) {
    atLeastOne("--threads", threads);
    if (!StagingLimits.isSize(memoryLimit)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--memory-limit must be a size such as 512MB or 1GiB: " + memoryLimit);
    }
    if (maxTempSize != null && !StagingLimits.isSize(maxTempSize)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-temp-size must be a size such as 20GB or 8GiB: " + maxTempSize);
    }
    atLeastOne("--max-case-children", maxCaseChildren);
    atLeastOne("--max-case-elements", maxCaseElements);
    atLeastOne("--max-case-text", maxCaseText);
    return new StagingLimits(
        memoryLimit,
        threads,
        tempDir != null ? tempDir : workDir.resolve("duckdb-tmp"),
        maxTempSize,
        new CaseBounds(maxCaseChildren, maxCaseElements, maxCaseText));
  }

  private void atLeastOne(String flag, int value) {
    if (value < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), flag + " must be at least 1: " + value);
    }
  }
}
