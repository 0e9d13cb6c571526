package org.ocaetl.worker;

import org.ocaetl.worker.bench.BenchCommand;
import org.ocaetl.worker.cli.CommandLines;
import org.ocaetl.worker.local.DemoCommand;
import org.ocaetl.worker.local.GenerateCommand;
import org.ocaetl.worker.local.LocalCommand;
import org.ocaetl.worker.local.ParseCommand;
import org.ocaetl.worker.ops.BackfillCommand;
import org.ocaetl.worker.ops.ReferenceLoadCommand;
import org.ocaetl.worker.ops.SearchAttributesCommand;
import org.ocaetl.worker.ops.StartCommand;
import org.ocaetl.worker.runtime.WorkerCommand;
import org.ocaetl.worker.schedule.ScheduleCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oca} command: entry point of the worker jar. */
@Command(
    name = "oca",
    mixinStandardHelpOptions = true,
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
    CommandLine oca = CommandLines.configure(new CommandLine(new OcaCommand()));
    withVersion(oca);
    return oca;
  }

  /**
   * Every command's {@code --version} names the jar's version. Set here because the commands'
   * packages cannot name this one: it depends on all of them.
   */
  private static void withVersion(CommandLine command) {
    command.getCommandSpec().versionProvider(new VersionProvider());
    command.getSubcommands().values().forEach(OcaCommand::withVersion);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
