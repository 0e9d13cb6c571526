package org.ocaetl.worker.runtime;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ocaetl.activities.DiscoveryActivitiesImpl;
import org.ocaetl.activities.FileActivitiesImpl;
import org.ocaetl.activities.GeocodeBackfillActivitiesImpl;
import org.ocaetl.activities.MaintenanceActivitiesImpl;
import org.ocaetl.activities.NotificationActivitiesImpl;
import org.ocaetl.activities.PromotionActivitiesImpl;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.discover.RawArchive;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.discover.RawInbox;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.notify.WebhookSender;
import org.ocaetl.parse.ExtractDate;
import org.ocaetl.promote.CopyLandingLoader;
import org.ocaetl.promote.PromotionSettings;
import org.ocaetl.promote.PromotionTransaction;
import org.ocaetl.promote.S3ImportLandingLoader;
import org.ocaetl.promote.LandingLoader;
import org.ocaetl.publish.ParquetSettings;
import org.ocaetl.publish.PublicSnapshot;
import org.ocaetl.publish.RelationExporter;
import org.ocaetl.publish.S3QueryExporter;
import org.ocaetl.publish.StoreRelationExporter;
import org.ocaetl.purge.TombstonePurge;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.workflows.BackfillWorkflowImpl;
import org.ocaetl.workflows.DiscoveryActivities;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.FileWorkflowImpl;
import org.ocaetl.workflows.GeocodeBackfillActivities;
import org.ocaetl.workflows.GeocodeBackfillWorkflowImpl;
import org.ocaetl.workflows.MaintenanceActivities;
import org.ocaetl.workflows.NotificationActivities;
import org.ocaetl.workflows.OcaRunWorkflowImpl;
import org.ocaetl.workflows.PromotionActivities;

/**
 * Registers the production workflows and activities on a {@link WorkerFactory}: the workflows and
 * every activity on the shared task queue, and the file activities again on this process's own
 * host queue. Used by {@code oca local} (on the in-process test server's factory) and by the
 * production worker. Wiring only; the logic lives in the workflows and activity classes.
 */
public final class WorkerBootstrap {

  private WorkerBootstrap() {}

  /** The activity implementations a worker runs (tests wrap them to inject faults). */
  public record Activities(
      DiscoveryActivities discovery,
      FileActivities files,
      PromotionActivities promotion,
      GeocodeBackfillActivities geocodeBackfill,
      MaintenanceActivities maintenance,
      NotificationActivities notification) {

    /**
     * The real implementations over the configured database, store, inbox and work folder. The
     * store and inbox are opened from {@link WorkerConfig#storeUri()} / {@link WorkerConfig#inboxUri()}
     * with this process's environment and live as long as the process.
     */
    public static Activities production(WorkerConfig config) throws IOException {
      return production(config, ObjectStores.open(config.storeUri()));
    }

    /**
     * The real implementations over {@code store} (tests pass a store that fails on purpose). The
     * geocoders are built once here, so the file steps and the backfill of this worker share
     * their rate limits.
     */
    public static Activities production(WorkerConfig config, ObjectStore store) {
      return production(config, store, PipelineMetrics.noop());
    }

    /** The real implementations, recording their metrics in {@code metrics}. */
    public static Activities production(WorkerConfig config, ObjectStore store, PipelineMetrics metrics) {
      return production(config, store, RawInboxes.open(config.inboxUri()), metrics);
    }

    /** The real implementations over an opened store and inbox, which the caller closes. */
    public static Activities production(WorkerConfig config, ObjectStore store, RawInbox inbox) {
      return production(config, store, inbox, PipelineMetrics.noop());
    }

    /** The real implementations over an opened store and inbox, recording metrics in {@code metrics}. */
    public static Activities production(
        WorkerConfig config, ObjectStore store, RawInbox inbox, PipelineMetrics metrics) {
      return production(config, store, inbox, metrics, ExtractDate.PROCESSING_CLOCK);
    }

    /**
     * As above, reading the processing day of each parse (docs/processing-rules.md#rule-1) from {@code clock} (tests fix
     * it).
     */
    public static Activities production(
        WorkerConfig config, ObjectStore store, RawInbox inbox, PipelineMetrics metrics, Clock clock) {
      DataSource database = DatabaseUrl.parse(config.databaseUrl());
      PromotedFiles ledger = new PromotedFiles(database, config.schema());
      Geocoding geocoding = Geocoding.create(config.geocoding(), config.geocoder(), database, config.schema());
      return new Activities(
          new DiscoveryActivitiesImpl(
              new RawFileDiscovery(inbox, new RawArchive(store)),
              () -> checksumsByName(ledger)),
          new FileActivitiesImpl(
              store, config.workDir(), config.hostTaskQueue(), config.hostWait(),
              config.stagingLimits().sharedBy(config.parallelism()), geocoding, metrics, clock),
          new PromotionActivitiesImpl(
              new PromotionTransaction(database, config.schema(), stageLoader(config, store), PromotionSettings.DEFAULTS),
              ledger,
              new PublicSnapshot(
                  database, store, config.schemaSetup().grants(), relationExporter(config, store), parquet(config)),
              config.schema(),
              metrics),
          new GeocodeBackfillActivitiesImpl(geocoding, geocoding.backfill(database, config.schema())),
          new MaintenanceActivitiesImpl(new TombstonePurge(database, config.schema()), metrics),
          new NotificationActivitiesImpl(config.notification(), new WebhookSender(), metrics));
    }

    /** The same activities with other staging, promotion and publishing (tests inject faults). */
    public Activities with(FileActivities otherFiles, PromotionActivities otherPromotion) {
      return new Activities(discovery, otherFiles, otherPromotion, geocodeBackfill, maintenance, notification);
    }

    /**
     * The published Parquet files are written after the run's files are staged, by the publish's two
     * export connections at once: each gets half the worker's DuckDB budget, in its work folder.
     */
    private static ParquetSettings parquet(WorkerConfig config) {
      return new ParquetSettings(config.stagingLimits().sharedBy(2).memoryLimit(), config.workDir());
    }

    /** Staged CSVs reach the database through the worker, or with --pg-s3-import straight from S3. */
    private static LandingLoader stageLoader(WorkerConfig config, ObjectStore store) {
      return config.pgS3Import() == null ? new CopyLandingLoader(store) : new S3ImportLandingLoader(config.pgS3Import());
    }

    /** Public CSVs are written through the worker, or with --pg-s3-import by the database itself. */
    private static RelationExporter relationExporter(WorkerConfig config, ObjectStore store) {
      return config.pgS3Import() == null ? new StoreRelationExporter(store) : new S3QueryExporter(config.pgS3Import());
    }

    private static Map<String, String> checksumsByName(PromotedFiles ledger) throws java.sql.SQLException {
      return ledger.all().values().stream()
          .collect(Collectors.toMap(PromotedFiles.PromotedFile::fileName, PromotedFiles.PromotedFile::sha256));
    }
  }

  /**
   * Adds the workers to {@code factory}; the caller starts it. The host queue runs at most
   * {@link WorkerConfig#parallelism()} staging steps at once: they hold DuckDB's memory and the
   * work folder's disk, which the container is sized for.
   */
  public static void register(WorkerFactory factory, WorkerConfig config, Activities activities) throws IOException {
    FileActivitiesImpl.removeStaleWorkFolders(config.workDir());
    Worker shared = factory.newWorker(config.taskQueue(), sharedWorkerOptions(config));
    shared.registerWorkflowImplementationTypes(
        OcaRunWorkflowImpl.class, FileWorkflowImpl.class, GeocodeBackfillWorkflowImpl.class, BackfillWorkflowImpl.class);
    shared.registerActivitiesImplementations(
        activities.discovery(),
        activities.files(),
        activities.promotion(),
        activities.geocodeBackfill(),
        activities.maintenance(),
        activities.notification());
    Worker host = factory.newWorker(config.hostTaskQueue(), hostWorkerOptions(config));
    host.registerActivitiesImplementations(activities.files());
  }

  static WorkerOptions sharedWorkerOptions(WorkerConfig config) {
    return WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(config.stickyWait()).build();
  }

  static WorkerOptions hostWorkerOptions(WorkerConfig config) {
    return WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(config.parallelism()).build();
  }
}
