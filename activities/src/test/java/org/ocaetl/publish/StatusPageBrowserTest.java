package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.HeadlessChromium;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The status page as a person sees it: published into a folder store, served over HTTP as a bucket
 * would serve it, opened in headless Chromium. No console error, every link leads to an object the
 * publish wrote, the charts have one point per week and month, and failures show their reasons but
 * never a case's value.
 */
@Tag("slow") // starts Chromium
class StatusPageBrowserTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  @RegisterExtension
  static final HeadlessChromium browser = new HeadlessChromium();

  @TempDir static Path dir;

  private static final String FAILED_FILE = "LandlordTenant.Incr.2024-03-08.zip";
  private static final String STREET = "1 Secret Lane";
  private static HttpServer server;
  private static SnapshotResult result;
  private static String page;

  @BeforeAll
  static void publishAndOpen() throws Exception {
    LocalObjectStore store = new LocalObjectStore(dir.resolve("store"));
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    h.promote(StagedFileFixture.file("LandlordTenant.Initial.2024-03-01.zip")
        .version("K-1", c -> c.index("court", "Kings County Civil Court - Housing Part", "fileddate", "2024-02-26")
            .row(OcaTable.OCA_JUDGMENTS, "sequence", "1", "withpossession", "true"))
        .version("K-2", c -> c.index("court", "Kings County Civil Court - Housing Part", "fileddate", "2024-02-27"))
        .version("Q-1", c -> c.index("court", "Queens County Civil Court - Housing Part", "fileddate", "2023-06-14"))
        .version("OLD", c -> c.index("court", "Bronx County Civil Court - Housing Part", "fileddate", "2019-01-02"))
        .writeTo(store));
    h.promote(StagedFileFixture.file(FAILED_FILE)
        .version("Y-1", c -> c.index("court", "Yonkers City Court", "fileddate", "2024-03-05"))
        .writeTo(store));
    // The staged report of the second file: two cases failed, one on a street address.
    store.put(StoreKeys.report(FAILED_FILE), new ByteArrayInputStream(("""
        {"fileName": "%s", "cases": {"seen": 3, "staged": 1, "deleted": 0, "failed": 2},
         "failures": [
           {"caseSeq": 2, "caseId": "LT-9", "element": "PropertyAddresses/PropertyAddress/Street1",
            "value": "%s", "reason": "too long: 900 characters, limit 500 (line 40)"},
           {"caseSeq": 3, "caseId": "LT-10", "element": "FiledDate", "value": "2024-02-30",
            "reason": "not a real calendar date (line 77)"}]}
        """.formatted(FAILED_FILE, STREET)).getBytes(StandardCharsets.UTF_8)), "application/json");

    result = new PublicSnapshot(db.dataSource(), store).publish(h.schema);

    server = servePublic(dir.resolve("store").resolve("public"));
    browser.driver().get(base() + "index.html");
    page = browser.driver().getPageSource();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void opensWithoutConsoleErrors() {
    assertEquals("NYC housing court cases (OCA): data status", browser.driver().getTitle());
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void everyLinkResolvesToAnObjectThePublishWroteAndEveryPublicObjectIsLinked() throws Exception {
    Set<String> linked = new TreeSet<>();
    HttpClient http = HttpClient.newHttpClient();
    for (WebElement a : browser.driver().findElements(By.tagName("a"))) {
      String href = a.getDomProperty("href"); // resolved against the page, as a click would
      assertTrue(href.startsWith(base()), href + " leaves the published folder");
      String key = StoreKeys.PUBLIC + href.substring(base().length());
      assertTrue(result.rowsPerObject().containsKey(key), key + " was not written by the publish");
      HttpResponse<Void> got = http.send(HttpRequest.newBuilder(URI.create(href)).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(200, got.statusCode(), href);
      linked.add(key);
    }
    Set<String> expected = new TreeSet<>(result.rowsPerObject().keySet().stream()
        .filter(k -> k.startsWith(StoreKeys.PUBLIC) && !k.equals(StatusPage.KEY)).toList());
    for (String written : List.of("public/oca_case_summary.csv", "public/parquet/oca_case_summary.parquet",
        "public/parquet/oca_index.parquet", "public/datapackage.json", "public/last-updated-date.txt")) {
      assertTrue(expected.contains(written), written + " among " + expected);
    }
    assertEquals(expected, linked);
  }

  @Test
  void showsTheDataDateLastPromotionAndRowsAndTypedTwins() {
    assertEquals("2024-03-08", text("#data-date"));
    assertFalse(text("#last-promotion").isBlank());
    assertEquals("5", cell("#files", "oca_case_summary.csv", 2), "rows of the summary");
    assertEquals("5", cell("#files", "oca_index.csv", 2));
    assertEquals("parquet/oca_case_summary.parquet", cell("#files", "oca_case_summary.csv"), "its typed twin");
    assertEquals("", cell("#files", "datapackage.json"));
  }

  @Test
  void weeklyChartHasOnePointPerWeekForEachBorough() {
    List<WebElement> lines = browser.driver().findElements(By.cssSelector("#weekly-filings polyline"));
    assertEquals(FilingTrends.BOROUGHS, lines.stream().map(l -> l.getDomAttribute("data-series")).toList());
    for (WebElement line : lines) {
      assertEquals(FilingTrends.WEEKS, points(line).size(), line.getDomAttribute("data-series"));
    }
    // Brooklyn: two cases in the week of 2024-02-26, the last but one week; Queens: one in June 2023;
    // the Bronx case of 2019 is older than the chart; Yonkers is outside NYC.
    assertEquals(List.of(FilingTrends.WEEKS - 2), raisedPoints(lines.get(1)));
    assertEquals(1, raisedPoints(lines.get(3)).size());
    assertEquals(List.of(), raisedPoints(lines.get(0)));
    assertEquals(List.of(FilingTrends.WEEKS - 1), raisedPoints(lines.get(5)));
  }

  @Test
  void monthlyChartHasOnePointPerMonthForJudgmentAndWarrant() {
    List<WebElement> lines = browser.driver().findElements(By.cssSelector("#monthly-outcomes polyline"));
    assertEquals(2, lines.size());
    for (WebElement line : lines) {
      assertEquals(FilingTrends.MONTHS, points(line).size(), line.getDomAttribute("data-series"));
    }
    assertEquals(List.of(FilingTrends.MONTHS - 2), raisedPoints(lines.get(0)), "half of February's cases judged");
    assertEquals(List.of(), raisedPoints(lines.get(1)), "no warrant");
  }

  @Test
  void failedCasesShowTheirReasonsButNoValue() {
    String failures = browser.driver().findElement(By.cssSelector("#recent-files .reasons")).getText();
    assertTrue(failures.contains("FiledDate: not a real calendar date: 1 case"), failures);
    assertTrue(failures.contains("PropertyAddresses/PropertyAddress/Street1: too long: 900 characters, limit 500: 1 case"),
        failures);
    assertFalse(page.contains(STREET), "a street address on the public page");
    assertFalse(page.contains("2024-02-30"), "a failed case's value on the public page");
    assertEquals("2", cell("#recent-files", FAILED_FILE, 7));
  }

  private static String text(String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  private static String cell(String table, String firstCell) {
    return cell(table, firstCell, 1);
  }

  private static String cell(String table, String firstCell, int column) {
    for (WebElement row : browser.driver().findElements(By.cssSelector(table + " tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      if (!cells.isEmpty() && cells.getFirst().getText().equals(firstCell)) {
        return cells.get(column).getText();
      }
    }
    throw new AssertionError("No row " + firstCell + " in " + table);
  }

  private static List<double[]> points(WebElement polyline) {
    return Arrays.stream(polyline.getDomAttribute("points").trim().split(" "))
        .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toList();
  }

  /** Indexes of the points above the chart's baseline (the lowest y of any point is the largest value). */
  private static List<Integer> raisedPoints(WebElement polyline) {
    List<double[]> points = points(polyline);
    double baseline = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
    List<Integer> raised = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i)[1] < baseline) {
        raised.add(i);
      }
    }
    return raised;
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Serves the published folder as a bucket's website would: GET /name is public/name, 404 otherwise. */
  private static HttpServer servePublic(Path folder) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      String name = file.getFileName().toString();
      exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".csv") ? "text/csv" : "text/plain");
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
        in.transferTo(out);
      }
    });
    http.start();
    return http;
  }
}
