package org.ocaetl.worker.cli;

import java.io.PrintWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * What a command that fails while running prints and returns: a {@link CommandFailure} as its one
 * line (stack trace at DEBUG); anything else, an {@code OutOfMemoryError} included, is a crash,
 * reported as such with its stack trace. Both exit with {@link #EXIT_FAILED}, never with the
 * "cases failed" code 3 of {@code parse}, {@code local} and {@code start --wait}.
 */
final class CommandFailures implements IExecutionExceptionHandler, IExecutionStrategy {
  static final int EXIT_FAILED = 1;
  private static final Logger log = LoggerFactory.getLogger(CommandFailures.class);

  private final IExecutionStrategy run = new CommandLine.RunLast();

  /** Runs the command; picocli passes exceptions to {@link #handleExecutionException} but lets errors through. */
  @Override
  public int execute(ParseResult parsed) {
    try {
      return run.execute(parsed);
    } catch (Error e) {
      List<CommandLine> commands = parsed.asCommandLineList();
      return crashed(e, commands.get(commands.size() - 1));
    }
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof CommandFailure failure) {
      PrintWriter err = command.getErr();
      err.println(name(command) + ": " + failure.getMessage());
      err.flush();
      log.debug("{} failed", name(command), failure.getCause());
      return EXIT_FAILED;
    }
    return crashed(e, command);
  }

  private static int crashed(Throwable e, CommandLine command) {
    PrintWriter err = command.getErr();
    err.println(name(command) + " crashed (a bug, or the machine ran out of memory or another resource): "
        + e.getClass().getSimpleName() + ": " + e.getMessage());
    e.printStackTrace(err);
    err.flush();
    return EXIT_FAILED;
  }

  private static String name(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }
}
