package org.ocaetl.promote;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.LedgerCounts;
import org.ocaetl.schema.PromotionLedger;
import org.ocaetl.schema.PromotionLock;
import org.ocaetl.store.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies staged files to the main tables in one PostgreSQL transaction (docs/processing-rules.md#rule-2, #rule-4, #rule-5, #rule-6, #rule-7, #rule-8, #rule-13, #rule-14).
 *
 * <p>One connection, autocommit off, time limits and search path set locally, then a per-schema
 * advisory lock so two promotions of one schema never interleave. For each file in request order:
 * the ledger is consulted (same name and checksum: skipped; same name, other checksum: {@link
 * LedgerConflictException}); its twelve CSVs are loaded into temp tables by a {@link LandingLoader}
 * (COPY streamed through the worker, or RDS's aws_s3 import), checked ({@link StagedFileContract})
 * and appended to the net change set. The set is then applied once by {@link NetEffectApplier},
 * with the result of applying the files one at a time (with the foreign keys, and when only new
 * cases arrive the child tables' indexes, set aside when the set is large: {@link
 * ForeignKeyDeferral}, {@link IndexDeferral}), and each file's ledger row is written with its own
 * counts. Any failure rolls everything back and is
 * rethrown; the connection is never re-opened inside the transaction (a silent reconnect would continue outside the transaction), so a retry of
 * the activity runs the whole promotion again.
 */
public final class PromotionTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(PromotionTransaction.class);
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private final DataSource dataSource;
  private final SqlIdentifier schema;
  private final LandingLoader loader;
  private final PromotionSettings settings;

  public PromotionTransaction(DataSource dataSource, String schema, ObjectStore store) {
    this(dataSource, schema, store, PromotionSettings.DEFAULTS);
  }

  public PromotionTransaction(
      DataSource dataSource, String schema, ObjectStore store, PromotionSettings settings) {
    this(dataSource, schema, new CopyLandingLoader(store), settings);
  }

  /** Staged CSVs are loaded by {@code loader} (e.g. {@link S3ImportLandingLoader} on RDS). */
  public PromotionTransaction(
      DataSource dataSource, String schema, LandingLoader loader, PromotionSettings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.schema = SqlIdentifier.of(schema);
    this.loader = Objects.requireNonNull(loader, "loader");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Promotes every file of the request, or none.
   *
   * @throws PromotionLockTimeoutException a lock wait exceeded the lock timeout (retryable)
   * @throws PromotionRejectedException the input can never be promoted as is (not retryable)
   * @throws SQLException any other database failure (the transaction was rolled back)
   * @throws IOException a staged CSV could not be read from the store
   */
  public PromotionResult promote(PromotionRequest request) throws SQLException, IOException {
    long started = System.nanoTime();
    List<StagedFile> files = List.copyOf(request.files());
    files.forEach(PromotionTransaction::checkChecksum);

    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      startTransaction(c);
      LandingTables landing = LandingTables.create(c, loader);
      ForeignKeyDeferral foreignKeys = new ForeignKeyDeferral(c, settings.foreignKeyDeferralShare());
      IndexDeferral indexes = new IndexDeferral(c, foreignKeys);
      List<FilePromotion> results = new ArrayList<>(files.size());
      Map<String, String> requested = new HashMap<>();
      Map<OcaTable, Long> stagedRows = new EnumMap<>(OcaTable.class);
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        StagedFile file = files.get(i);
        if (alreadyPromoted(c, file, requested)) {
          results.add(new FilePromotion(file.fileName(), file.extractDate(), true, 0, 0, 0, 0, Map.of()));
          continue;
        }
        landing.load(file.fileName()).forEach((table, n) -> stagedRows.merge(table, n, Long::sum));
        StagedFileContract.verify(c, file);
        int pos = i + 1; // 1-based: position 0 stands for the database's rows (net_case.rows_pos)
        landing.appendToNet(pos);
        positions.add(pos);
        results.add(null); // set by applyNet once the set is applied
      }
      if (!positions.isEmpty()) {
        applyNet(c, landing, foreignKeys, indexes, files, positions, stagedRows, request, results);
      }
      indexes.restore();
      foreignKeys.restore();
      c.commit();
      c.close();
      return new PromotionResult(results, (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException e) {
      SchemaSession.closeAfterFailure(c, e);
      if (PromotionLockTimeoutException.SQL_STATE.equals(e.getSQLState())) {
        throw new PromotionLockTimeoutException(schema.name(), e);
      }
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      SchemaSession.closeAfterFailure(c, e);
      throw e;
    }
  }

  /** SET LOCAL time limits and search path, then wait for this schema's promotion lock. */
  private void startTransaction(Connection c) throws SQLException {
    PromotionLock.startTransaction(c, schema, settings.sessionLimits());
  }

  /**
   * The ledger check (docs/processing-rules.md#rule-2), also against the files earlier in this
   * request (as if their ledger rows were already written): same name and checksum is promoted
   * already (true, unless replayed on request); another checksum is refused.
   */
  private static boolean alreadyPromoted(Connection c, StagedFile file, Map<String, String> requested)
      throws SQLException {
    String sha256 = file.sha256().toLowerCase(Locale.ROOT);
    Optional<String> promoted =
        requested.containsKey(file.fileName())
            ? Optional.of(requested.get(file.fileName()))
            : PromotionLedger.promotedSha256(c, file.fileName());
    if (promoted.isPresent() && !promoted.get().equals(sha256)) {
      throw new LedgerConflictException(file.fileName(), promoted.get(), sha256);
    }
    requested.put(file.fileName(), sha256);
    if (promoted.isEmpty()) {
      return false;
    }
    if (!file.replay()) {
      LOG.info("{} already promoted with the same checksum; skipped", file.fileName());
      return true;
    }
    LOG.info("{} already promoted; replayed on request", file.fileName());
    return false;
  }

  /**
   * Applies the net change set of the appended files (with the foreign keys set aside once for the
   * whole set when it is large) and writes each file's ledger row with its own counts.
   */
  private static void applyNet(
      Connection c,
      LandingTables landing,
      ForeignKeyDeferral foreignKeys,
      IndexDeferral indexes,
      List<StagedFile> files,
      List<Integer> positions,
      Map<OcaTable, Long> stagedRows,
      PromotionRequest request,
      List<FilePromotion> results)
      throws SQLException {
    long started = System.nanoTime();
    String set = "the net change set of " + positions.size() + " files";
    foreignKeys.beforeApply(set, stagedRows);
    Map<Integer, LedgerCounts> counts = new NetEffectApplier(c, landing, indexes).apply(set, positions);
    LOG.info("{} applied in {} ms", set, (System.nanoTime() - started) / 1_000_000);
    for (int pos : positions) {
      StagedFile file = files.get(pos - 1);
      LedgerCounts n = counts.get(pos);
      PromotionLedger.record(
          c, file.fileName(), file.extractDate(), file.sha256().toLowerCase(Locale.ROOT), n,
          request.workflowId(), request.runId());
      LOG.info(
          "{} (extract date {}): {} cases applied, {} skipped as older, {} tombstoned, {} deleted;"
              + " rows inserted {}",
          file.fileName(), file.extractDate(), n.casesApplied(), n.casesSkippedOlder(),
          n.casesTombstoned(), n.casesDeleted(), n.rowsInserted());
      results.set(
          pos - 1,
          new FilePromotion(
              file.fileName(), file.extractDate(), false, n.casesApplied(), n.casesSkippedOlder(),
              n.casesTombstoned(), n.casesDeleted(), n.rowsInserted()));
    }
  }

  private static void checkChecksum(StagedFile file) {
    Objects.requireNonNull(file.fileName(), "fileName");
    Objects.requireNonNull(file.extractDate(), "extractDate");
    if (file.sha256() == null || !SHA256_HEX.matcher(file.sha256()).matches()) {
      throw new StagedFileInvalidException(
          "Staged file " + file.fileName() + " has no valid hex SHA-256 checksum");
    }
  }
}
