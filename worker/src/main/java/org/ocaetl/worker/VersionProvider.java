package org.ocaetl.worker;

import picocli.CommandLine;

/** Reports the jar's implementation version (set by Maven) for {@code oca --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = OcaCommand.class.getPackage().getImplementationVersion();
    return new String[] {"oca " + (version == null ? "development build" : version)};
  }
}
