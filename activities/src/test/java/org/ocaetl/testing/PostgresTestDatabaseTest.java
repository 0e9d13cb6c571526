package org.ocaetl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresTestDatabaseTest {
  @Test
  void createsAndDropsAnIsolatedDatabase() throws Exception {
    String name;
    try (PostgresTestDatabase db = PostgresTestDatabase.create(PostgresTestDatabaseTest.class)) {
      name = db.name();
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select current_database()")) {
        rs.next();
        assertEquals(name, rs.getString(1));
      }
    }
  }
}
