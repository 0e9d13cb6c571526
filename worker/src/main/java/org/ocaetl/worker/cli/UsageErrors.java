package org.ocaetl.worker.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports bad usage (exit code 2) with picocli's own handler, naming an unknown option first: a
 * misspelt required flag ({@code --ot DIR} for {@code --out DIR}) also leaves the flag missing,
 * and picocli would report only the missing one.
 */
final class UsageErrors implements IParameterExceptionHandler {
  private final IParameterExceptionHandler picocli;

  UsageErrors(IParameterExceptionHandler picocli) {
    this.picocli = picocli;
  }

  @Override
  public int handleParseException(ParameterException error, String[] args) throws Exception {
    CommandLine command = error.getCommandLine();
    List<String> unmatched = command.getUnmatchedArguments();
    if (!(error instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
      return picocli.handleParseException(new UnmatchedArgumentException(command, unmatched), args);
    }
    return picocli.handleParseException(error, args);
  }
}
