package org.ocaetl.worker;

import org.ocaetl.worker.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oca} command: entry point of the worker jar. */
@Command(
    name = "oca",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns OCA landlord-tenant XML extracts into PostgreSQL tables and public CSVs.",
    subcommands = {
      DemoCommand.class,
      LocalCommand.class,
      GenerateCommand.class,
      ParseCommand.class,
      BenchCommand.class,
      WorkerCommand.class,
      ScheduleCommand.class,
      StartCommand.class,
      BackfillCommand.class,
      SearchAttributesCommand.class,
      ReferenceLoadCommand.Pluto.class,
      ReferenceLoadCommand.Tracts.class,
      CommandLine.HelpCommand.class
    })
public final class OcaCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new OcaCommand()));
  }

  /**
   * How {@code command} and its subcommands report bad usage (exit 2) and failures (exit 1), also
   * for commands run by other commands.
   */
  static CommandLine configure(CommandLine command) {
    command.setParameterExceptionHandler(new UsageErrors(command.getParameterExceptionHandler()));
    CommandFailures failures = new CommandFailures();
    command.setExecutionExceptionHandler(failures);
    command.setExecutionStrategy(failures);
    return command;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
