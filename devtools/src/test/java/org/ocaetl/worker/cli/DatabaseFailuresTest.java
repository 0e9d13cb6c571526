package org.ocaetl.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.devtools.testing.DevCli;
import org.ocaetl.worker.testing.Cli;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot be used is one line naming what failed, where and what to do (never the
 * password), exit code 1, and the stack trace only in the DEBUG log. Against the real PostgreSQL
 * on 127.0.0.1:5432 (or OCA_TEST_PG_URL). In the devtools module, in the package of the classes it
 * checks: it drives {@code oca local}, which only oca-dev.jar has.
 */
class DatabaseFailuresTest {
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();
  static String server;

  @TempDir Path root;

  @BeforeAll
  static void database() throws Exception {
    server = DatabaseTarget.of(postgres.jdbcUrl()).hosts();
  }

  private Cli local(String databaseUrl) throws Exception {
    return DevCli.run("local", "--raw-dir", Files.createDirectories(root.resolve("raw")).toString(),
        "--database-url", databaseUrl, "--store", root.resolve("store").toString(),
        "--work-dir", root.resolve("work").toString(), "--data-dir", root.resolve("data").toString());
  }

  /** After the line naming the database, the command printed one line and exited 1. */
  private static String oneLine(Cli run) {
    assertEquals(1, run.exitCode(), run.toString());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(2, lines.size(), run.toString());
    assertTrue(lines.get(0).startsWith("Database: PostgreSQL at "), run.toString());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    return lines.get(1);
  }

  @Test
  void aDatabaseThatDoesNotExist() throws Exception {
    String line = oneLine(local("postgresql://postgres@" + server + "/oca_no_such_database"));
    assertEquals("oca local: database oca_no_such_database does not exist on PostgreSQL at " + server
        + " (SQLState 3D000): create it (createdb oca_no_such_database) or name an existing one in"
        + " --database-url / OCA_DATABASE_URL.", line);
  }

  @Test
  void aClosedPort() throws Exception {
    String line = oneLine(local("postgresql://postgres:s3cret@127.0.0.1:1/oca"));
    assertEquals("oca local: cannot connect to PostgreSQL at 127.0.0.1:1 (Connection refused): is PostgreSQL"
        + " running there, and are the host and port in --database-url / OCA_DATABASE_URL right?", line);
  }

  @Test
  void aRoleThatMayNotLogInAndItsPasswordIsNeverShown() throws Exception {
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE oca_no_login NOLOGIN PASSWORD 'pw-not-shown'");
    }
    try {
      String line = oneLine(local("postgresql://oca_no_login:pw-not-shown@" + server + "/" + postgres.name()));
      assertTrue(line.startsWith("oca local: PostgreSQL at " + server + " does not let user oca_no_login log in to"
          + " database " + postgres.name() + " (SQLState 28000: "), line);
      assertFalse(line.contains("pw-not-shown"), line);
    } finally {
      try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("DROP ROLE oca_no_login");
      }
    }
  }

  /**
   * PostgreSQL here trusts local connections, so a wrong password cannot be produced: this checks
   * the line for the SQLState pgjdbc reports for one (28P01).
   */
  @Test
  void aWrongPasswordByItsSqlState() {
    DatabaseTarget target = DatabaseTarget.of("postgresql://oca:pw-not-shown@db.example:5433/oca");
    PSQLException refused =
        new PSQLException("FATAL: password authentication failed for user \"oca\"", PSQLState.INVALID_PASSWORD);
    assertEquals("PostgreSQL at db.example:5433 refused the password of user oca for database oca (SQLState 28P01):"
        + " fix the password in --database-url / OCA_DATABASE_URL.",
        DatabaseFailures.explain(target, "public", new IllegalStateException(refused)).orElseThrow());
  }

  @Test
  void aSchemaHoldingTablesThatAreNotOcasIsLeftAlone() throws Exception {
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA theirs");
      st.execute("CREATE TABLE theirs.accounts (id int)");
    }
    Path pluto = Files.writeString(root.resolve("pluto.csv"),
        "bbl,unitsres,bct2020,bctcb2020,ct2010,cb2010,cd,council\n1000010010,20,1,2,3,4,101,1\n");
    Cli run = DevCli.run("load-pluto", pluto.toString(), "--release", "25v1", "--database-url", postgres.jdbcUrl(),
        "--schema", "theirs");
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals("oca load-pluto: schema theirs of " + server + "/" + postgres.name() + " already holds tables that"
        + " oca did not create (it has no flyway_schema_history table): use an empty or new schema (--schema /"
        + " OCA_SCHEMA), or move those tables out of it.", run.err().strip());
  }

  @Test
  void theStackTraceIsLoggedAtDebug() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(CommandFailures.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try {
      oneLine(local("postgresql://postgres@127.0.0.1:1/oca"));
    } finally {
      logger.setLevel(level);
      logger.detachAppender(events);
    }
    List<ILoggingEvent> withTrace = new ArrayList<>(events.list);
    withTrace.removeIf(e -> e.getLevel() != Level.DEBUG || e.getThrowableProxy() == null);
    assertEquals(1, withTrace.size(), events.list.toString());
  }
}
