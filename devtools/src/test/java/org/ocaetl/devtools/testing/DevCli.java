package org.ocaetl.devtools.testing;

import org.ocaetl.devtools.OcaDevCommand;
import org.ocaetl.worker.testing.Cli;

/** Runs {@code oca-dev …} in-process, as {@link Cli} runs {@code oca …}. */
public final class DevCli {
  private DevCli() {}

  public static Cli run(String... args) {
    return Cli.run(OcaDevCommand.commandLine(), args);
  }
}
