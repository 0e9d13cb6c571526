package org.ocaetl.worker.cli;

import picocli.CommandLine;

/** The conventions every {@code oca} command line follows, also a command run by another one. */
public final class CommandLines {
  private CommandLines() {}

  /**
   * How {@code command} and its subcommands report bad usage (exit 2) and failures (exit 1), also
   * for commands run by other commands.
   */
  public static CommandLine configure(CommandLine command) {
    command.setParameterExceptionHandler(new UsageErrors(command.getParameterExceptionHandler()));
    CommandFailures failures = new CommandFailures();
    command.setExecutionExceptionHandler(failures);
    command.setExecutionStrategy(failures);
    return command;
  }
}
