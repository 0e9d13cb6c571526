package org.ocaetl.devtools;

import java.util.List;
import org.ocaetl.devtools.bench.BenchCommand;
import org.ocaetl.devtools.local.DemoCommand;
import org.ocaetl.devtools.local.GenerateCommand;
import org.ocaetl.devtools.local.LocalCommand;
import org.ocaetl.worker.OcaCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code oca-dev.jar}: the {@code oca} command line plus the developer commands,
 * which need Temporal's in-process server, an embedded PostgreSQL or the synthetic generator.
 */
public final class OcaDevCommand {
  private OcaDevCommand() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return OcaCommand.commandLine(
        List.of(DemoCommand.class, LocalCommand.class, GenerateCommand.class, BenchCommand.class));
  }
}
