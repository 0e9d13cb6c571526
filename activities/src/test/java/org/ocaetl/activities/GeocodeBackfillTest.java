package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.geocode.GeocodeTesting;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.geocode.GeocodingSettings;
import org.ocaetl.geocodingstub.GeocodingStub;
import org.ocaetl.geocodingstub.GeocodingStub.Fault;
import org.ocaetl.geocodingstub.GeocodingStub.Route;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.workflows.GeocodeBackfillWorkflow;
import org.ocaetl.workflows.GeocodeBackfillWorkflowImpl;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.GeocodeBackfillCounts;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.GeocodeBackfillResult;

/**
 * The geocode backfill workflow with the real activity on the time-skipping server, over a real
 * oca_addresses table and the stub services.
 */
class GeocodeBackfillTest {
  static final String TASK_QUEUE = "backfill-test";
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static GeocodingStub stub;

  @TempDir java.nio.file.Path dir;
  PromotionHarness h;
  TestWorkflowEnvironment env;
  Geocoding geocoding;

  @BeforeAll
  static void start() throws Exception {
    stub = GeocodingStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir));
    Map<String, String> environment = new LinkedHashMap<>(stub.environment());
    environment.remove("OCA_GEOSEARCH_URL");
    GeocodingSettings settings = GeocodingSettings.fromEnvironment(environment)
        .withLimits(limits -> GeocodeTesting.LIMITS).withBreakerThreshold(2);
    geocoding = Geocoding.create(settings, "chain", db.dataSource(), h.schema, new GeocodeTesting.RecordingSleeper());
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(GeocodeBackfillWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new GeocodeBackfillActivitiesImpl(geocoding, geocoding.backfill(db.dataSource(), h.schema)));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    geocoding.close();
  }

  GeocodeBackfillResult backfill() {
    return env.getWorkflowClient()
        .newWorkflowStub(GeocodeBackfillWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(WorkflowIds.GEOCODE_BACKFILL).build())
        .backfill(new GeocodeBackfillRequest("", 2, 2, 1, null, 0));
  }

  /** Inserts an address row (and its case); lat/lon/status only when given. */
  void insert(String id, String street1, String street2, String city, String zip, String status, Float lat, Float lon)
      throws Exception {
    try (Connection c = h.connection()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO oca_index (indexnumberid) VALUES (?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, id);
        ps.execute();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO oca_addresses (indexnumberid, street1, street2, city,"
          + " state, postalcode, status, lat, lon) VALUES (?, ?, ?, ?, 'NY', ?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, street1);
        ps.setString(3, street2);
        ps.setString(4, city);
        ps.setString(5, zip);
        ps.setString(6, status);
        ps.setObject(7, lat);
        ps.setObject(8, lon);
        ps.execute();
      }
    }
  }

  List<String> rows() throws Exception {
    return h.rows("SELECT indexnumberid, street1, coalesce(street2, '∅'), coalesce(city, '∅'), status, lat, lon, grc, msg"
        + " FROM oca_addresses ORDER BY 1, 2, 3, 4");
  }

  @Test
  void geocodesRowsWithoutCoordinatesByTheirNaturalKey() throws Exception {
    insert("LT-1", "314 W 100 St", null, "New York", "10025", null, null, null);
    insert("LT-1", "99999 W 100 St", "Apt 2", "New York", "10025", null, null, null);
    insert("LT-2", "10 Jay St", null, "Brooklyn", "11201", "success", 40.7f, -73.9f);
    insert("LT-2", "11 Jay St", null, "Brooklyn", "11201", null, null, null);
    insert("LT-3", "1 Nowhere Rd", null, "Bronx", "10451", null, null, null);
    insert("LT-4", null, null, "Bronx", "10451", null, null, null);
    insert("LT-5", "12 Jay St", null, null, "11201", null, null, null);
    insert("LT-5", "12 Jay St", null, "", "11201", null, null, null);
    insert("LT-5", "12 Jay St", null, "", "11201", null, null, null);

    GeocodeBackfillResult result = backfill();

    assertTrue(result.finished());
    assertNull(result.stoppedBy());
    assertEquals("LT-5", result.lastIndexNumberId());
    assertEquals(new GeocodeBackfillCounts(3, 8, 6, 1, 0), result.counts(), "LT-4 has no street: looked at, not geocoded");
    assertEquals(1, result.runs(), "continued as new after the first slice (two pages of two cases)");
    List<String> rows = rows();
    assertEquals("LT-1|314 W 100 St|∅|New York|success|40.79818|-73.97222|00|∅", rows.get(0));
    assertTrue(rows.get(1).matches("LT-1\\|99999 W 100 St\\|Apt 2\\|New York\\|success\\|40\\.\\d+\\|-7\\d\\.\\d+\\|∅\\|Match"),
        "the Census fallback for Geoclient's reject: " + rows.get(1));
    assertEquals("LT-2|10 Jay St|∅|Brooklyn|success|40.7|-73.9|∅|∅", rows.get(2), "a row with coordinates is untouched");
    assertTrue(rows.get(3).startsWith("LT-2|11 Jay St|∅|Brooklyn|success|40."), rows.get(3));
    assertEquals("LT-3|1 Nowhere Rd|∅|Bronx|error|∅|∅|11|STREET NAME NOT RECOGNIZED", rows.get(4),
        "a miss writes Geoclient's answer, no coordinates");
    assertEquals("LT-4|∅|∅|Bronx|∅|∅|∅|∅|∅", rows.get(5));
    assertEquals(3, rows.stream().filter(r -> r.startsWith("LT-5|12 Jay St|") && r.contains("|success|40.")).count(),
        "NULL and empty city are distinct keys, duplicates updated together");
    // geom (PostGIS is installed here) follows the backfilled coordinates without the UPDATE naming it.
    assertEquals(List.of("0"), h.rows("SELECT count(*) FROM oca_addresses WHERE public.ST_AsText(geom)"
        + " IS DISTINCT FROM public.ST_AsText(public.ST_SetSRID(public.ST_MakePoint(lon, lat), 4326))"));
    assertEquals(List.of("ST_Point|-73.97222|40.79818|4326"), h.rows("SELECT public.ST_GeometryType(geom),"
        + " round(public.ST_X(geom)::numeric, 5), round(public.ST_Y(geom)::numeric, 5), public.ST_SRID(geom)"
        + " FROM oca_addresses WHERE street1 = '314 W 100 St'"));
    assertEquals(List.of("7"), h.rows("SELECT count(geom) FROM oca_addresses"), "every row with coordinates has a point");

    long requests = stub.totalRequests();
    GeocodeBackfillResult again = backfill();
    assertEquals(new GeocodeBackfillCounts(1, 2, 0, 1, 0), again.counts(), "only the miss and the row without street");
    assertEquals(requests, stub.totalRequests(), "the miss comes from the cache");
  }

  @Test
  void aServiceThatStaysDownStopsTheBackfillAndLeavesTheRows() throws Exception {
    insert("LT-1", "20 Court St", null, "Brooklyn", "11201", null, null, null);
    insert("LT-2", "22 Court St", null, "Brooklyn", "11201", null, null, null);
    stub.failAlways(Route.GEOCLIENT_ADDRESS, new Fault.Status(503, null));
    GeocodeBackfillResult result;
    try {
      result = backfill();
    } finally {
      stub.failAlways(Route.GEOCLIENT_ADDRESS, null);
    }
    assertFalse(result.finished());
    assertEquals("", result.lastIndexNumberId(), "the next backfill starts over at that page");
    assertTrue(result.stoppedBy().startsWith("GeocoderUnavailable: geocoding stopped: geoclient"), result.stoppedBy());
    assertEquals(List.of("LT-1|20 Court St|∅|Brooklyn|∅|∅|∅|∅|∅", "LT-2|22 Court St|∅|Brooklyn|∅|∅|∅|∅|∅"), rows());
  }
}
