package org.ocaetl.worker.cluster;

import java.nio.file.Path;
import org.ocaetl.workflows.WorkflowIds;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the Temporal cluster is and how to reach it (picocli mixin of every command that talks
 * to a cluster). Each option defaults to an environment variable, so a container is configured by
 * env alone (12-factor); a flag on the command line wins over the environment.
 */
public final class TemporalOptions {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--temporal-address",
      defaultValue = "${env:OCA_TEMPORAL_ADDRESS:-127.0.0.1:7233}",
      paramLabel = "HOST:PORT",
      description = "Temporal frontend (env OCA_TEMPORAL_ADDRESS), default ${DEFAULT-VALUE}.")
  String address;

  @Option(
      names = "--namespace",
      defaultValue = "${env:OCA_TEMPORAL_NAMESPACE:-default}",
      paramLabel = "NS",
      description = "Temporal namespace (env OCA_TEMPORAL_NAMESPACE), default ${DEFAULT-VALUE}.")
  String namespace;

  @Option(
      names = "--task-queue",
      defaultValue = "${env:OCA_TASK_QUEUE:-" + WorkflowIds.TASK_QUEUE + "}",
      paramLabel = "QUEUE",
      description = "Shared task queue of the oca workflows (env OCA_TASK_QUEUE), default ${DEFAULT-VALUE}.")
  String taskQueue;

  @Option(
      names = "--tls",
      arity = "0..1",
      defaultValue = "${env:OCA_TEMPORAL_TLS:-false}",
      paramLabel = "true|false",
      description =
          "Connect with TLS, trusting the JVM's CAs or --tls-ca (env OCA_TEMPORAL_TLS). Implied by"
              + " --tls-cert, --tls-ca and --api-key.")
  boolean tls;

  @Option(
      names = "--tls-cert",
      defaultValue = "${env:OCA_TEMPORAL_TLS_CERT}",
      paramLabel = "PEM",
      description = "Client certificate chain for mTLS, PEM file (env OCA_TEMPORAL_TLS_CERT); needs --tls-key.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      defaultValue = "${env:OCA_TEMPORAL_TLS_KEY}",
      paramLabel = "PEM",
      description = "Client private key for mTLS, unencrypted PKCS#8 PEM file (env OCA_TEMPORAL_TLS_KEY).")
  Path tlsKey;

  @Option(
      names = "--tls-ca",
      defaultValue = "${env:OCA_TEMPORAL_TLS_CA}",
      paramLabel = "PEM",
      description = "CA certificate(s) that sign the server's certificate, PEM file (env OCA_TEMPORAL_TLS_CA);"
          + " default the JVM's trusted CAs.")
  Path tlsCa;

  @Option(
      names = "--tls-server-name",
      defaultValue = "${env:OCA_TEMPORAL_TLS_SERVER_NAME}",
      paramLabel = "NAME",
      description = "Name expected in the server's certificate when it differs from the address's host"
          + " (env OCA_TEMPORAL_TLS_SERVER_NAME).")
  String tlsServerName;

  @Option(
      names = "--api-key",
      defaultValue = "${env:OCA_TEMPORAL_API_KEY}",
      paramLabel = "KEY",
      description = "Temporal Cloud API key (env OCA_TEMPORAL_API_KEY; prefer the env var: a flag is visible"
          + " in the process list). Sent as a bearer token over TLS.")
  String apiKey;

  /** The validated settings; bad combinations are usage errors. */
  public TemporalSettings settings() {
    try {
      return new TemporalSettings(
          address, namespace, taskQueue, tls, tlsCert, tlsKey, tlsCa, blankToNull(tlsServerName), blankToNull(apiKey));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
