package org.ocaetl.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;

/**
 * Runs a publish's exports on several connections that share one snapshot: the first connection's
 * REPEATABLE READ transaction exports it ({@code pg_export_snapshot()}), the others join it, so
 * every CSV shows the same committed state as before. Each export's COPY runs on one server
 * process: with two connections a publish uses two cores of the database (measured in
 * docs/benchmarks.md) instead of one.
 */
final class SnapshotExports {
  private final DataSource dataSource;
  private final SqlIdentifier schema;
  private final int connections;

  SnapshotExports(DataSource dataSource, SqlIdentifier schema, int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1: " + connections);
    }
    this.dataSource = dataSource;
    this.schema = schema;
    this.connections = connections;
  }

  /**
   * Writes every export (taken in list order by whichever connection is free); {@code snapshot} is the
   * caller's open snapshot transaction, used as the first connection.
   *
   * @return what the exports wrote, by key
   */
  Map<String, ExportedObject> run(Connection snapshot, List<PublicSnapshot.Export> exports)
      throws SQLException, IOException {
    ConcurrentLinkedQueue<PublicSnapshot.Export> queue = new ConcurrentLinkedQueue<>(exports);
    Map<String, ExportedObject> written = new ConcurrentHashMap<>();
    AtomicBoolean failed = new AtomicBoolean();
    int helpers = Math.min(connections, exports.size()) - 1;
    if (helpers > 0) {
      String snapshotId = exportSnapshot(snapshot);
      ExecutorService pool = Executors.newFixedThreadPool(helpers, r -> {
        Thread t = new Thread(r, "publish-export");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<Void>> running = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
          running.add(pool.submit(() -> {
            try (Connection joined = SchemaSession.joinSnapshot(dataSource, schema, snapshotId)) {
              drain(joined, queue, written, failed);
              joined.rollback(); // read-only: nothing to commit
            }
            return null;
          }));
        }
        Exception failure = null;
        try {
          drain(snapshot, queue, written, failed);
        } catch (SQLException | IOException | RuntimeException e) {
          failure = e;
        }
        // Even after a failure, wait for the others' current exports: none may write after run() returns.
        for (Future<Void> f : running) {
          try {
            await(f);
          } catch (SQLException | IOException | RuntimeException e) {
            if (failure == null) {
              failure = e;
            } else {
              failure.addSuppressed(e);
            }
          }
        }
        switch (failure) {
          case null -> {}
          case SQLException s -> throw s;
          case IOException io -> throw io;
          case RuntimeException r -> throw r;
          default -> throw new IOException(failure);
        }
      } finally {
        pool.shutdownNow();
      }
    } else {
      drain(snapshot, queue, written, failed);
    }
    return Map.copyOf(written);
  }

  private void drain(
      Connection c, ConcurrentLinkedQueue<PublicSnapshot.Export> queue, Map<String, ExportedObject> written,
      AtomicBoolean failed)
      throws SQLException, IOException {
    PublicSnapshot.Export e;
    while (!failed.get() && (e = queue.poll()) != null) {
      try {
        written.putAll(e.write(c));
      } catch (SQLException | IOException | RuntimeException failure) {
        failed.set(true); // the other connections stop after their current export
        throw failure;
      }
    }
  }

  private static String exportSnapshot(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/publish/export_snapshot.sql").render())) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void await(Future<Void> f) throws SQLException, IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for a parallel export", e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case SQLException s -> throw s;
        case IOException io -> throw io;
        case RuntimeException r -> throw r;
        case Error err -> throw err;
        default -> throw new IOException(e.getCause());
      }
    }
  }
}
