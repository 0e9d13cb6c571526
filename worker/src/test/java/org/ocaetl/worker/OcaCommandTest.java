package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line contract: help everywhere, exit code 2 on bad usage. Public so that devtools
 * holds its command line (every {@code oca} command plus the developer ones) to the same contract.
 */
public class OcaCommandTest {

  private record Run(int exitCode, String out, String err) {}

  /** The command line under test. */
  protected CommandLine commandLine() {
    return OcaCommand.commandLine();
  }

  private Run run(String... args) {
    CommandLine cli = commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everySubcommandHasHelp() {
    Map<String, CommandLine> subcommands = commandLine().getSubcommands();
    for (String name : subcommands.keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Run run = run(name, "--help");
      assertEquals(0, run.exitCode(), name + " --help");
      assertTrue(run.out().contains("Usage: oca " + name), name + " --help prints its usage");
    }
  }

  @Test
  void everyCommandPrintsTheVersion() {
    String version = run("--version").out();
    assertTrue(version.startsWith("oca "), version);
    for (CommandLine command : everyCommand(commandLine(), new ArrayList<>())) {
      List<String> args = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
      if (args.contains("help")) {
        continue;
      }
      args.removeFirst(); // "oca"
      args.add("--version");
      Run run = run(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), args.toString());
      assertEquals(version, run.out(), args.toString());
    }
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, run("no-such-command").exitCode());
    assertEquals(2, run().exitCode());
    for (String name : commandLine().getSubcommands().keySet()) {
      if (!name.equals("help")) {
        assertEquals(2, run(name, "--no-such-option").exitCode(), name + " with a bad option");
      }
    }
  }

  @Test
  void rootHelpListsTheCommands() {
    Run run = run("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Commands:"));
  }

  @Test
  void everyHelpRendersWithoutAPicocliWarning() {
    // picocli's tracer reports a description it cannot format (e.g. an unescaped %) on System.err.
    PrintStream original = System.err;
    ByteArrayOutputStream traced = new ByteArrayOutputStream();
    List<String> rendered = new ArrayList<>();
    System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine command : everyCommand(commandLine(), new ArrayList<>())) {
        rendered.add(command.getCommandSpec().qualifiedName());
        command.getUsageMessage();
      }
    } finally {
      System.setErr(original);
    }
    assertTrue(rendered.size() >= 20 && rendered.contains("oca schedule apply"), "every subcommand, recursively: " + rendered);
    assertEquals("", traced.toString(StandardCharsets.UTF_8), "picocli warnings while rendering " + rendered);
  }

  @Test
  void theCommandListsShowEverySummaryAsAWholeSentence() {
    for (CommandLine command : everyCommand(commandLine(), new ArrayList<>())) {
      if (command.getSubcommands().isEmpty()) {
        continue;
      }
      String usage = command.getUsageMessage();
      List<String> entries = new ArrayList<>();
      for (String line : usage.substring(usage.indexOf("Commands:\n") + "Commands:\n".length()).split("\n")) {
        if (!line.startsWith(" ")) {
          break; // the end of the list
        } else if (line.matches("^ {2}\\S.*")) {
          entries.add(line.strip());
        } else if (!entries.isEmpty()) {
          entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
        }
      }
      assertEquals(command.getSubcommands().size(), entries.size(), usage);
      for (String entry : entries) {
        assertTrue(entry.endsWith("."), command.getCommandSpec().qualifiedName() + " lists a cut summary: " + entry);
      }
    }
  }

  @Test
  void aMisspeltFlagIsNamedNotAMissingRequiredOption() {
    Run run = run("parse", "x.zip", "--ot", "DIR");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("Unknown options: '--ot', 'DIR'"), run.err());
    assertTrue(!run.err().contains("Missing required option"), run.err());
  }

  /** A command with a bug, or on a machine without memory to spare. */
  @Command(name = "crashing")
  static final class Crashing implements Callable<Integer> {
    @Option(names = "--out-of-memory")
    boolean outOfMemory;

    @Override
    public Integer call() {
      if (outOfMemory) {
        throw new OutOfMemoryError("Java heap space");
      }
      throw new IllegalStateException("a bug");
    }
  }

  @Test
  void aCrashExitsOneNotTheCasesFailedCodeAndSaysItCrashed() {
    for (String[] args : List.of(new String[] {"--out-of-memory"}, new String[0])) {
      CommandLine cli = CommandLines.configure(new CommandLine(new Crashing()));
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      assertEquals(1, cli.execute(args), err.toString());
      assertTrue(err.toString().startsWith("crashing crashed (a bug, or the machine ran out of memory or another"
          + " resource): " + (args.length > 0 ? "OutOfMemoryError: Java heap space\n" : "IllegalStateException: a bug\n")),
          err.toString());
      assertTrue(err.toString().contains("\tat org.ocaetl.worker.OcaCommandTest$Crashing.call"), "with the stack trace");
    }
  }

  private static List<CommandLine> everyCommand(CommandLine command, List<CommandLine> found) {
    found.add(command);
    command.getSubcommands().values().forEach(sub -> everyCommand(sub, found));
    return found;
  }
}
