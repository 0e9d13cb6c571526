package org.ocaetl.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class DatabaseUrlTest {
  @Test
  void parsesLibpqUrisWithEncodingHostsAndParameters() {
    PGSimpleDataSource ds =
        DatabaseUrl.parse(
            "postgresql://etl%40oca:p%40ss%2Fw+rd@db1.example:6543,[::1]/oca%20prod"
                + "?sslmode=require&application_name=oca-etl&connect_timeout=7&target_session_attrs=read-write");

    assertEquals("etl@oca", ds.getUser());
    assertEquals("p@ss/w+rd", ds.getPassword());
    assertArrayEquals(new String[] {"db1.example", "::1"}, ds.getServerNames());
    assertArrayEquals(new int[] {6543, 5432}, ds.getPortNumbers());
    assertEquals("oca prod", ds.getDatabaseName());
    assertEquals("require", ds.getSslMode());
    assertEquals("oca-etl", ds.getApplicationName());
    assertEquals(7, ds.getConnectTimeout());
    assertEquals("primary", ds.getTargetServerType());
  }

  @Test
  void acceptsThePostgresSchemeAndJdbcUrls() {
    PGSimpleDataSource short_ = DatabaseUrl.parse("postgres://u@h/db");
    assertEquals("u", short_.getUser());
    assertEquals("db", short_.getDatabaseName());

    PGSimpleDataSource jdbc = DatabaseUrl.parse("jdbc:postgresql://h:5433/db?user=u&password=s3cret");
    assertEquals("s3cret", jdbc.getPassword());
    assertArrayEquals(new int[] {5433}, jdbc.getPortNumbers());
  }

  @Test
  void passwordNeverAppearsInDescriptionsOrErrors() {
    PGSimpleDataSource ds = DatabaseUrl.parse("postgresql://u:TopSecret1@h:5432/db?sslmode=disable");
    assertFalse(ds.toString().contains("TopSecret1"));
    assertFalse(ds.getURL().contains("TopSecret1"));
    assertEquals("postgresql://u:***@h:5432/db", DatabaseUrl.redact("postgresql://u:TopSecret1@h:5432/db"));
    assertEquals(
        "jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        DatabaseUrl.redact("jdbc:postgresql://h/db?user=u&password=TopSecret2&ssl=true"));

    for (String bad :
        java.util.List.of(
            "mysql://u:TopSecret1@h/db",
            "postgresql://u:TopSecret1@h:99999/db",
            "postgresql://u:TopSecret1@h/db?no_such_option=1",
            "postgresql://u:TopSecret1@h/db?bad%zzescape=1")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(bad));
      assertFalse(e.getMessage().contains("TopSecret1"), e.getMessage());
    }
  }

  @Test
  void connectsToTheTestServer() throws Exception {
    PGSimpleDataSource ds = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres?application_name=url-test");
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('application_name')")) {
      rs.next();
      assertEquals("url-test", rs.getString(1));
    }
  }
}
