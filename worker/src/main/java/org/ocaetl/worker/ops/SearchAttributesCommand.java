package org.ocaetl.worker.ops;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ocaetl.worker.cluster.TemporalConnection;
import org.ocaetl.worker.cluster.TemporalOptions;
import org.ocaetl.workflows.OcaSearchAttributes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oca search-attributes}: the custom search attributes the workflows upsert (without them
 * registered, every upsert fails the workflow task). Prints them; with {@code --register} adds the
 * missing ones through the OperatorService and reports what the server answered. Temporal Cloud
 * does not allow that call: register them there with {@code tcld} or the Cloud UI.
 */
@Command(
    name = "search-attributes",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the custom search attributes of the oca workflows (name and type).",
      "--register adds the missing ones to the namespace and prints the server's answer; exit code 1 when"
          + " the server refuses (Temporal Cloud: use tcld or the Cloud UI)."
    })
public final class SearchAttributesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Option(names = "--register", description = "Register the missing attributes on the namespace.")
  boolean register;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OcaSearchAttributes.definitions().forEach((name, type) -> out.println(name + " " + typeName(type)));
    out.flush();
    if (!register) {
      return 0;
    }
    try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
      return register(connection, out);
    }
  }

  private int register(TemporalConnection connection, PrintWriter out) {
    String namespace = connection.settings().namespace();
    Map<String, IndexedValueType> missing = new LinkedHashMap<>(OcaSearchAttributes.definitions());
    try {
      ListSearchAttributesResponse existing =
          connection.operator().blockingStub().listSearchAttributes(
              ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build());
      for (var present : existing.getCustomAttributesMap().entrySet()) {
        IndexedValueType wanted = missing.remove(present.getKey());
        if (wanted != null && wanted != present.getValue()) {
          out.printf("%s is registered as %s, not %s: fix it by hand%n", present.getKey(), typeName(present.getValue()),
              typeName(wanted));
          out.flush();
          return 1;
        }
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        return refused(out, "ListSearchAttributes", e);
      }
      out.println("The server cannot list search attributes (UNIMPLEMENTED); adding all of them");
    }
    if (missing.isEmpty()) {
      out.println("All registered on namespace " + namespace);
      out.flush();
      return 0;
    }
    try {
      connection.operator().blockingStub().addSearchAttributes(
          AddSearchAttributesRequest.newBuilder().setNamespace(namespace).putAllSearchAttributes(missing).build());
      out.println("Registered on namespace " + namespace + ": " + String.join(", ", missing.keySet()));
      out.flush();
      return 0;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        out.println("Already registered on namespace " + namespace + " (server: " + e.getStatus().getDescription() + ")");
        out.flush();
        return 0;
      }
      return refused(out, "AddSearchAttributes", e);
    }
  }

  private static int refused(PrintWriter out, String call, StatusRuntimeException e) {
    out.println("The server refused " + call + ": " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
    out.println("On Temporal Cloud, add them with tcld (tcld namespace search-attributes add) or the Cloud UI.");
    out.flush();
    return 1;
  }

  /** E.g. Keyword, Int (the names the temporal CLI uses). */
  static String typeName(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> type.name();
    };
  }
}
