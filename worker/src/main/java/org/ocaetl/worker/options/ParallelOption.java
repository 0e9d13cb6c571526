package org.ocaetl.worker.options;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --parallel} of the commands that stage files or start runs that do (a picocli mixin):
 * {@code worker}, {@code start}, {@code schedule apply} and {@code backfill replay}, all read
 * {@code OCA_PARALLEL}, so one container setting sizes the worker and the runs it starts.
 */
public final class ParallelOption {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--parallel",
      defaultValue = "${env:OCA_PARALLEL:-2}",
      paramLabel = "N",
      description = "Files staged at once (env OCA_PARALLEL), default ${DEFAULT-VALUE}: for the worker, the"
          + " staging steps (parse, export, geocode, upload) it runs at once; for a run, the files it stages at"
          + " once across all workers.")
  int parallel;

  /** The value; below 1 a usage error (exit 2). */
  public int value() {
    if (parallel < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1");
    }
    return parallel;
  }
}
