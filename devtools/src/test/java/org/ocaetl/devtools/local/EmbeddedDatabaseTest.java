package org.ocaetl.devtools.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of {@code oca local} starts (also as root) and keeps its data. */
class EmbeddedDatabaseTest {
  @TempDir Path dataDir;

  @Test
  void keepsItsDataAcrossRestarts() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      assertTrue(db.url().startsWith("postgresql://postgres@localhost:"), db.url());
      st.execute("CREATE TABLE kept (v int)");
      st.execute("INSERT INTO kept VALUES (42)");
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT v, current_setting('server_version_num')::int / 10000 FROM kept")) {
      assertTrue(rs.next());
      assertEquals(42, rs.getInt(1));
      assertEquals(15, rs.getInt(2));
    }
  }
}
