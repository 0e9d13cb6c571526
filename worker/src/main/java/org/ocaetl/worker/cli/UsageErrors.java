package org.ocaetl.worker.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports bad usage (exit code 2) with picocli's own handler, naming an unknown option first: a
 * misspelt required flag ({@code --ot DIR} for {@code --out DIR}) also leaves the flag missing,
 * and picocli would report only the missing one. A developer command asked of the production jar
 * says where it is instead of "Unmatched argument".
 */
final class UsageErrors implements IParameterExceptionHandler {
  /** The commands only {@code oca-dev.jar} has (module devtools, README "Quick start"). */
  private static final Set<String> DEVELOPER_COMMANDS = Set.of("local", "demo", "generate", "bench");

  private final IParameterExceptionHandler picocli;

  UsageErrors(IParameterExceptionHandler picocli) {
    this.picocli = picocli;
  }

  @Override
  public int handleParseException(ParameterException error, String[] args) throws Exception {
    CommandLine command = error.getCommandLine();
    List<String> unmatched = command.getUnmatchedArguments();
    if (command.getParent() == null
        && !unmatched.isEmpty()
        && DEVELOPER_COMMANDS.contains(unmatched.get(0))) {
      command.getErr().printf(
          "oca: %s is a developer command, in devtools/target/oca-dev.jar, not in this production jar:"
              + " run java -jar devtools/target/oca-dev.jar %s (README, Quick start)%n",
          unmatched.get(0), unmatched.get(0));
      return 2;
    }
    if (!(error instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
      return picocli.handleParseException(new UnmatchedArgumentException(command, unmatched), args);
    }
    return picocli.handleParseException(error, args);
  }
}
