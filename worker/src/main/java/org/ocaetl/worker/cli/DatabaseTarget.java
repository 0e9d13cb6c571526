package org.ocaetl.worker.cli;

import java.util.ArrayList;
import java.util.List;
import org.ocaetl.db.DatabaseUrl;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a database URL points, for messages: user, {@code host:port} (several for a multi-host
 * URL) and database. Never the password.
 */
public record DatabaseTarget(String user, String hosts, String database) {
  private static final int DEFAULT_PORT = 5432;

  public static DatabaseTarget of(String url) {
    PGSimpleDataSource source = DatabaseUrl.parse(url);
    String[] names = source.getServerNames();
    if (names == null || names.length == 0) {
      names = new String[] {"localhost"}; // pgjdbc's default
    }
    int[] ports = source.getPortNumbers();
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      int port = ports != null && i < ports.length && ports[i] > 0 ? ports[i] : DEFAULT_PORT;
      hosts.add((names[i] == null || names[i].isEmpty() ? "localhost" : names[i]) + ":" + port);
    }
    String user = source.getUser() == null ? System.getProperty("user.name") : source.getUser();
    // Without a database name PostgreSQL connects to the database named like the user.
    String database = source.getDatabaseName() == null || source.getDatabaseName().isEmpty() ? user : source.getDatabaseName();
    return new DatabaseTarget(user, String.join(",", hosts), database);
  }

  /** {@code host:port/database}, e.g. {@code 127.0.0.1:5432/oca}. */
  public String where() {
    return hosts + "/" + database;
  }
}
