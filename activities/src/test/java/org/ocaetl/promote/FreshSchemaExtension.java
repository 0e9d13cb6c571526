package org.ocaetl.promote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ocaetl.store.FileTrees;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * A freshly migrated schema and an empty local object store for each test: what the tests that
 * promote fixtures and read what the promotion or a publish wrote start from.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
 * @RegisterExtension final FreshSchemaExtension fresh = new FreshSchemaExtension(db);
 * }</pre>
 */
public final class FreshSchemaExtension implements BeforeEachCallback, AfterEachCallback {
  private final PostgresDatabaseExtension db;
  private Path storeDir;
  private LocalObjectStore store;
  private PromotionHarness harness;

  public FreshSchemaExtension(PostgresDatabaseExtension db) {
    this.db = db;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    storeDir = Files.createTempDirectory("oca-test-store-");
    store = new LocalObjectStore(storeDir);
    harness = PromotionHarness.freshSchema(db.dataSource(), store);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    FileTrees.deleteTree(storeDir);
  }

  /** This test's object store. */
  public LocalObjectStore store() {
    return store;
  }

  /** This test's schema, promoting into {@link #store()}. */
  public PromotionHarness harness() {
    return harness;
  }
}
