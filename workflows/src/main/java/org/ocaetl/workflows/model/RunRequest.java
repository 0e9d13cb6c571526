package org.ocaetl.workflows.model;

import java.util.List;

/**
 * Input of the run (parent) workflow.
 *
 * @param reprocessGlob glob over archived raw file names to replay (e.g. {@code *2024-0[1-3]*}),
 *     or null for none
 * @param parallelism how many files are staged at once (at least 1)
 * @param maxFilesPerRun files handled before the workflow continues as new with the rest
 * @param pending files still to handle, carried over a continue-as-new; null on a fresh start
 *     (then discovery runs)
 * @param carried the outcomes of the runs before a continue-as-new; null on a fresh start
 */
public record RunRequest(
    String reprocessGlob,
    int parallelism,
    int maxFilesPerRun,
    List<DiscoveredFile> pending,
    RunResult carried) {

  public static final int DEFAULT_PARALLELISM = 2;
  public static final int DEFAULT_MAX_FILES_PER_RUN = 200;

  public RunRequest {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (maxFilesPerRun < 1) {
      throw new IllegalArgumentException("maxFilesPerRun must be at least 1: " + maxFilesPerRun);
    }
  }

  /** A fresh run that discovers its files. */
  public static RunRequest of(String reprocessGlob, int parallelism) {
    return new RunRequest(reprocessGlob, parallelism, DEFAULT_MAX_FILES_PER_RUN, null, null);
  }

  /** The continuation of this run with the files it did not reach. */
  public RunRequest continueWith(List<DiscoveredFile> rest, RunResult soFar) {
    return new RunRequest(reprocessGlob, parallelism, maxFilesPerRun, List.copyOf(rest), soFar);
  }
}
