package org.ocaetl.worker.cli;

import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.ocaetl.publish.LevelTwoViews.GrantConfigurationException;

/**
 * Turns a failure to reach PostgreSQL or to set up the oca schema into one {@link CommandFailure}
 * line: what failed, on which host, database and schema, and what to do. The pgjdbc and Flyway
 * stack traces (30-40 lines that end in "Use baseline()") stay in the DEBUG log.
 */
public final class DatabaseFailures {
  private static final String URL_SETTING = "--database-url / OCA_DATABASE_URL";

  private DatabaseFailures() {}

  /** Runs {@code setup} (migrations, role checks) against {@code url}, explaining what fails. */
  public static <T> T explained(String url, String schema, Supplier<T> setup) {
    try {
      return setup.get();
    } catch (RuntimeException e) {
      throw explain(DatabaseTarget.of(url), schema, e).<RuntimeException>map(line -> new CommandFailure(line, e))
          .orElse(e);
    }
  }

  /** The one line for {@code failure}, when it is one a user can act on. */
  static Optional<String> explain(DatabaseTarget target, String schema, Throwable failure) {
    if (failure instanceof GrantConfigurationException grants) {
      return Optional.of(grants.getMessage() + " (" + target.where() + ").");
    }
    if (failure instanceof FlywayException flyway
        && flyway.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
      return Optional.of("schema " + schema + " of " + target.where() + " already holds tables that oca did not"
          + " create (it has no flyway_schema_history table): use an empty or new schema (--schema / OCA_SCHEMA),"
          + " or move those tables out of it.");
    }
    SQLException sql = first(failure, SQLException.class);
    if (sql == null || sql.getSQLState() == null) {
      return Optional.empty();
    }
    String state = sql.getSQLState();
    String where = "PostgreSQL at " + target.hosts();
    return Optional.of(switch (state) {
      case "28P01" -> where + " refused the password of user " + target.user() + " for database "
          + target.database() + " (SQLState 28P01): fix the password in " + URL_SETTING + ".";
      case "28000" -> where + " does not let user " + target.user() + " log in to database " + target.database()
          + " (SQLState 28000: " + serverMessage(sql) + "): use a role that may log in, in " + URL_SETTING + ".";
      case "3D000" -> "database " + target.database() + " does not exist on " + where + " (SQLState 3D000): create"
          + " it (createdb " + target.database() + ") or name an existing one in " + URL_SETTING + ".";
      default -> state.startsWith("08")
          ? "cannot connect to " + where + " (" + networkCause(sql) + "): is PostgreSQL running there, and are"
              + " the host and port in " + URL_SETTING + " right?"
          : "setting up schema " + schema + " of " + target.where() + " failed: " + serverMessage(sql)
              + " (SQLState " + state + ").";
    });
  }

  /** What the network said: "Connection refused", "unknown host db.example", "Connect timed out". */
  private static String networkCause(SQLException sql) {
    UnknownHostException unknown = first(sql, UnknownHostException.class);
    if (unknown != null) {
      return "unknown host " + unknown.getMessage();
    }
    Throwable root = sql;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == sql ? serverMessage(sql) : root.getMessage();
  }

  /** The server's message without pgjdbc's "FATAL: " or "ERROR: " prefix and detail lines. */
  private static String serverMessage(SQLException sql) {
    String message = String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
    return message.replaceFirst("^(FATAL|ERROR): ", "");
  }

  private static <T extends Throwable> T first(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
