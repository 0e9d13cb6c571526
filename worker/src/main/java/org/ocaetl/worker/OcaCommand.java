package org.ocaetl.worker;

import java.util.List;
import org.ocaetl.worker.cli.CommandLines;
import org.ocaetl.worker.ops.BackfillCommand;
import org.ocaetl.worker.ops.ReferenceLoadCommand;
import org.ocaetl.worker.ops.SearchAttributesCommand;
import org.ocaetl.worker.ops.StartCommand;
import org.ocaetl.worker.parse.ParseCommand;
import org.ocaetl.worker.runtime.WorkerCommand;
import org.ocaetl.worker.schedule.ScheduleCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oca} command: entry point of the worker jar. */
@Command(
    name = "oca",
    mixinStandardHelpOptions = true,
    description = "Turns OCA landlord-tenant XML extracts into PostgreSQL tables and public CSV and Parquet files.")
public final class OcaCommand implements Runnable {
  /** The production commands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ParseCommand.class,
          WorkerCommand.class,
          ScheduleCommand.class,
          StartCommand.class,
          BackfillCommand.class,
          SearchAttributesCommand.class,
          ReferenceLoadCommand.Pluto.class,
          ReferenceLoadCommand.Tracts.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return commandLine(List.of());
  }

  /**
   * The same command line with more subcommands, listed first: the developer tools' jar adds its
   * commands (demo, local, generate, bench) this way, so that it answers every {@code oca} command
   * too while this module's jar carries none of their test tooling.
   */
  public static CommandLine commandLine(List<Object> extraSubcommands) {
    CommandLine oca = new CommandLine(new OcaCommand());
    extraSubcommands.forEach(oca::addSubcommand);
    COMMANDS.forEach(oca::addSubcommand);
    oca.addSubcommand(CommandLine.HelpCommand.class);
    // After the subcommands are added: the handlers are set on those already there.
    CommandLines.configure(oca);
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
