package org.ocaetl.devtools.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The PostgreSQL of {@code oca local} when no database URL is given: zonky's embedded server
 * (PostgreSQL 15, the production major version) with its data under {@code <data-dir>/postgres},
 * kept and reused by the next run, and its binaries extracted once under
 * {@code <data-dir>/postgres-binaries}. As root, zonky runs initdb and postgres under
 * {@code unshare -U} (mapped to an unprivileged user), because PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path binaries = Files.createDirectories(dataDir.resolve("postgres-binaries"));
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(binaries.toFile())
            .start();
    return new EmbeddedDatabase(postgres);
  }

  DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** The URL in the libpq form operators paste into psql (no password: local trust). */
  String url() {
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
