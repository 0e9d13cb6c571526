package org.ocaetl.promote;

import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.ocaetl.store.ObjectStore;

/** Applies staged files to the main tables in one PostgreSQL transaction (rules 2, 4-8, 13). */
public final class PromotionTransaction {
  private final DataSource dataSource;
  private final String schema;
  private final ObjectStore store;

  public PromotionTransaction(DataSource dataSource, String schema, ObjectStore store) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.store = store;
  }

  public PromotionResult promote(PromotionRequest request) throws SQLException, IOException {
    throw new UnsupportedOperationException(
        "API skeleton: implemented in the promotion work " + dataSource + schema + store);
  }
}
