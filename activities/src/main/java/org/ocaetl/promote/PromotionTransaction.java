package org.ocaetl.promote;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
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
 * LedgerConflictException}); its twelve CSVs are loaded into temp tables by a {@link StageLoader}
 * (COPY streamed through the worker, or RDS's aws_s3 import); {@link FileApplier} applies it (with
 * the foreign keys, and while only new cases arrive the child tables' indexes, set aside when it is
 * large: {@link ForeignKeyDeferral}, {@link IndexDeferral}); its ledger row is
 * written. Any failure rolls everything back and is
 * rethrown; the connection is never re-opened inside the transaction (a silent reconnect would continue outside the transaction), so a retry of
 * the activity runs the whole promotion again.
 */
public final class PromotionTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(PromotionTransaction.class);
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private final DataSource dataSource;
  private final SqlIdentifier schema;
  private final StageLoader loader;
  private final PromotionSettings settings;

  public PromotionTransaction(DataSource dataSource, String schema, ObjectStore store) {
    this(dataSource, schema, store, PromotionSettings.DEFAULTS);
  }

  public PromotionTransaction(
      DataSource dataSource, String schema, ObjectStore store, PromotionSettings settings) {
    this(dataSource, schema, new CopyStageLoader(store), settings);
  }

  /** Staged CSVs are loaded by {@code loader} (e.g. {@link S3ImportStageLoader} on RDS). */
  public PromotionTransaction(
      DataSource dataSource, String schema, StageLoader loader, PromotionSettings settings) {
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
      StageTables stage = StageTables.create(c, loader);
      ForeignKeyDeferral foreignKeys = new ForeignKeyDeferral(c, settings.foreignKeyDeferralShare());
      IndexDeferral indexes = new IndexDeferral(c, foreignKeys);
      FileApplier applier = new FileApplier(c, stage, indexes);
      List<FilePromotion> results = new ArrayList<>(files.size());
      for (StagedFile file : files) {
        results.add(promoteFile(c, stage, applier, foreignKeys, file, request));
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

  private FilePromotion promoteFile(
      Connection c,
      StageTables stage,
      FileApplier applier,
      ForeignKeyDeferral foreignKeys,
      StagedFile file,
      PromotionRequest request)
      throws SQLException, IOException {
    String sha256 = file.sha256().toLowerCase(Locale.ROOT);
    Optional<String> promoted = PromotionLedger.promotedSha256(c, file.fileName());
    if (promoted.isPresent()) {
      if (!promoted.get().equals(sha256)) {
        throw new LedgerConflictException(file.fileName(), promoted.get(), sha256);
      }
      if (!file.replay()) {
        LOG.info("{} already promoted with the same checksum; skipped", file.fileName());
        return new FilePromotion(file.fileName(), file.extractDate(), true, 0, 0, 0, 0, Map.of());
      }
      LOG.info("{} already promoted; replayed on request", file.fileName());
    }

    long started = System.nanoTime();
    foreignKeys.beforeApply(file.fileName(), stage.load(file.fileName()));
    LedgerCounts counts = applier.apply(file);
    PromotionLedger.record(c, file.fileName(), file.extractDate(), sha256, counts, request.workflowId(), request.runId());
    LOG.info(
        "{} (extract date {}) applied in {} ms: {} cases applied, {} skipped as older, {} tombstoned,"
            + " {} deleted; rows inserted {}",
        file.fileName(),
        file.extractDate(),
        (System.nanoTime() - started) / 1_000_000,
        counts.casesApplied(),
        counts.casesSkippedOlder(),
        counts.casesTombstoned(),
        counts.casesDeleted(),
        counts.rowsInserted());
    return new FilePromotion(
        file.fileName(),
        file.extractDate(),
        false,
        counts.casesApplied(),
        counts.casesSkippedOlder(),
        counts.casesTombstoned(),
        counts.casesDeleted(),
        counts.rowsInserted());
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
