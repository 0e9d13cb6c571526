package org.ocaetl.geocodingstub;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for the three geocoding services, speaking their documented request and
 * response formats ({@link StubAnswers}), for tests and for {@code oca bench --geocode}. It checks
 * requests as the services do (Geoclient's key header and parameters, the Census multipart upload
 * and its 10,000-row limit) and can inject failures: statuses with {@code Retry-After}, slow
 * responses, malformed bodies, dropped connections. Bound to 127.0.0.1 on a free port.
 */
public final class GeocodingStub implements AutoCloseable {
  /** The Geoclient subscription key the stub accepts. */
  public static final String KEY = "stub-subscription-key";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The Census upload's rows as string arrays (RFC 4180, as the Census client writes them). */
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  private static final int CENSUS_MAX_ROWS = 10_000;

  /** The stubbed endpoints. */
  public enum Route {
    GEOCLIENT_ADDRESS("/geoclient/v2/address"),
    GEOCLIENT_SEARCH("/geoclient/v2/search"),
    GEOSEARCH("/geosearch/v2/search"),
    CENSUS("/census/geocoder/locations/addressbatch");

    final String path;

    Route(String path) {
      this.path = path;
    }
  }

  /** A failure the stub serves instead of an answer. */
  public sealed interface Fault {
    /** An HTTP status with an empty body, and a {@code Retry-After} value when not null. */
    record Status(int code, String retryAfter) implements Fault {}

    /** The normal answer, after a delay. */
    record Slow(Duration delay) implements Fault {}

    /** A 200 whose body is cut off in the middle. */
    record Malformed() implements Fault {}

    /** The connection is closed without a response. */
    record Drop() implements Fault {}
  }

  private final HttpServer server;
  private final Map<Route, AtomicLong> requests = new EnumMap<>(Route.class);
  private final Map<Route, Queue<Fault>> nextFaults = new EnumMap<>(Route.class);
  private final Map<Route, AtomicReference<Fault>> alwaysFaults = new EnumMap<>(Route.class);
  private final List<Integer> censusRowsPerRequest = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicLong> answersPerAddress = new ConcurrentHashMap<>();
  private volatile boolean countingAddresses;

  private GeocodingStub(HttpServer server) {
    this.server = server;
    for (Route route : Route.values()) {
      requests.put(route, new AtomicLong());
      nextFaults.put(route, new ConcurrentLinkedQueue<>());
      alwaysFaults.put(route, new AtomicReference<>());
      server.createContext(route.path, exchange -> serve(route, exchange));
    }
  }

  public static GeocodingStub start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    GeocodingStub stub = new GeocodingStub(server);
    server.start();
    return stub;
  }

  public URI geoclientUrl() {
    return base().resolve("/geoclient/v2");
  }

  public URI geosearchUrl() {
    return base().resolve("/geosearch/v2");
  }

  public URI censusUrl() {
    return base().resolve("/census/geocoder");
  }

  /** The environment variables that point every service at this stub (with the key). */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OCA_GEOCLIENT_URL", geoclientUrl().toString());
    env.put("OCA_GEOCLIENT_KEY", KEY);
    env.put("OCA_GEOSEARCH_URL", geosearchUrl().toString());
    env.put("OCA_CENSUS_URL", censusUrl().toString());
    return env;
  }

  /** Requests received on a route, failed ones included. */
  public long requests(Route route) {
    return requests.get(route).get();
  }

  public long totalRequests() {
    return requests.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Rows of every Census upload, in arrival order. */
  public List<Integer> censusRowsPerRequest() {
    synchronized (censusRowsPerRequest) {
      return List.copyOf(censusRowsPerRequest);
    }
  }

  /**
   * From now on, counts the answers given about each address (off by default: the benchmark's
   * hundred thousand addresses would sit in memory).
   */
  public void countAnswersPerAddress() {
    countingAddresses = true;
  }

  /**
   * Answers given about each address since {@link #countAnswersPerAddress()}, by route and the
   * address as the request spelled it (e.g. {@code GEOCLIENT_ADDRESS 314|W 100 St|10025}; a Census
   * upload counts once for each of its rows). Failures the stub injected are not answers.
   */
  public Map<String, Long> answersPerAddress() {
    Map<String, Long> counts = new LinkedHashMap<>();
    answersPerAddress.forEach((address, count) -> counts.put(address, count.get()));
    return counts;
  }

  /** The next requests of {@code route} get these faults, one each, before normal answers resume. */
  public void inject(Route route, Fault... faults) {
    nextFaults.get(route).addAll(List.of(faults));
  }

  /** Every request of {@code route} gets {@code fault} (null: answer normally again). */
  public void failAlways(Route route, Fault fault) {
    alwaysFaults.get(route).set(fault);
  }

  private URI base() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  private void serve(Route route, HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.get(route).incrementAndGet();
      Fault fault = nextFaults.get(route).poll();
      if (fault == null) {
        fault = alwaysFaults.get(route).get();
      }
      switch (fault) {
        case Fault.Status status -> {
          if (status.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", status.retryAfter());
          }
          exchange.sendResponseHeaders(status.code(), -1);
          return;
        }
        case Fault.Drop drop -> {
          return; // nothing sent: closing the exchange without a response drops the connection
        }
        case Fault.Slow slow -> sleep(slow.delay());
        case Fault.Malformed malformed -> {
          String body = answer(route, exchange).body();
          send(exchange, 200, body.substring(0, body.length() / 2), "application/json");
          return;
        }
        case null -> { }
      }
      Answer answer = answer(route, exchange);
      send(exchange, answer.status(), answer.body(), answer.contentType());
    }
  }

  private record Answer(int status, String body, String contentType) {
    static Answer json(Object node) throws IOException {
      return new Answer(200, JSON.writeValueAsString(node), "application/json");
    }

    static Answer error(int status, String message) {
      return new Answer(status, "{\"message\":\"" + message + "\"}", "application/json");
    }
  }

  private Answer answer(Route route, HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (route != Route.CENSUS) {
      countAnswer(route, String.join("|", query.values()));
    }
    return switch (route) {
      case GEOCLIENT_ADDRESS -> {
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"))) {
          yield Answer.error(401, "Access denied due to missing subscription key.");
        }
        String place = query.containsKey("zip") ? query.get("zip") : query.get("borough");
        if (query.get("houseNumber") == null || query.get("street") == null || place == null) {
          yield Answer.error(400, "houseNumber, street and borough or zip are required");
        }
        yield Answer.json(JSON.createObjectNode()
            .set("address", StubAnswers.geoclientAddress(query.get("houseNumber"), query.get("street"), place)));
      }
      case GEOCLIENT_SEARCH -> {
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"))) {
          yield Answer.error(401, "Access denied due to missing subscription key.");
        }
        yield query.get("input") == null ? Answer.error(400, "input is required")
            : Answer.json(StubAnswers.geoclientSearch(query.get("input")));
      }
      case GEOSEARCH -> query.get("text") == null ? Answer.error(400, "text is required")
          : Answer.json(StubAnswers.geoSearch(query.get("text")));
      case CENSUS -> census(exchange);
    };
  }

  private Answer census(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] body = exchange.getRequestBody().readAllBytes();
    String file = StubMultipart.part(contentType, body, "addressFile");
    String benchmark = StubMultipart.part(contentType, body, "benchmark");
    if (file == null || benchmark == null) {
      return new Answer(400, "addressFile and benchmark are required", "text/plain");
    }
    List<String> lines = new ArrayList<>();
    try (MappingIterator<String[]> csv = CSV.readerFor(String[].class).readValues(file)) {
      while (csv.hasNextValue()) {
        String[] row = csv.nextValue();
        if (row.length != 5) {
          return new Answer(400, "each row needs exactly five fields", "text/plain");
        }
        lines.add(StubAnswers.censusLine(row));
        countAnswer(Route.CENSUS, String.join("|", List.of(row).subList(1, row.length)));
      }
    }
    censusRowsPerRequest.add(lines.size());
    if (lines.size() > CENSUS_MAX_ROWS) {
      return new Answer(400, "The file contains more than 10,000 addresses", "text/plain");
    }
    Collections.reverse(lines); // the service does not keep the input order
    return new Answer(200, String.join("\n", lines) + "\n", "text/csv");
  }

  private void countAnswer(Route route, String address) {
    if (countingAddresses) {
      answersPerAddress.computeIfAbsent(route + " " + address, a -> new AtomicLong()).incrementAndGet();
    }
  }

  private static void send(HttpExchange exchange, int status, String body, String contentType) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
