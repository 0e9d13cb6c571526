package org.ocaetl.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 forwarder in front of a real server that answers the next N requests itself
 * with an S3-style 500 or 503 error, then forwards again: the transient server errors a real S3
 * endpoint produces and a test server does not. It can also stall requests: take them in and never
 * answer, as an endpoint whose responses are slower than any timeout. Requests are framed by Content-Length (what the
 * AWS SDK sends); responses are piped through untouched.
 */
public final class FaultyHttpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger stallsLeft = new AtomicInteger();
  private final AtomicInteger stalled = new AtomicInteger();
  private volatile boolean stallEverything;
  private final List<String> requestHeads = new CopyOnWriteArrayList<>();
  private volatile int failureStatus = 503;

  private FaultyHttpProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.submit(this::acceptLoop);
  }

  public static FaultyHttpProxy start(URI target) throws IOException {
    return new FaultyHttpProxy(target);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** The next {@code requests} requests get {@code status} (500 or 503) instead of being forwarded. */
  public void failNext(int requests, int status) {
    failureStatus = status;
    failuresLeft.set(requests);
  }

  /**
   * The next {@code requests} requests are read and never answered: the connection stays open and
   * silent until the client gives up on it. Nothing reaches the real server.
   */
  public void stallNext(int requests) {
    stallsLeft.set(requests);
  }

  /** Every request from now on is stalled (see {@link #stallNext}): an endpoint that hangs. */
  public void stallEverything() {
    stallEverything = true;
  }

  /** Requests stalled so far. */
  public int stalled() {
    return stalled.get();
  }

  /** Requests answered with an injected error so far. */
  public int injected() {
    return injected.get();
  }

  /** Requests forwarded to the real server so far. */
  public int forwarded() {
    return forwarded.get();
  }

  /** Request line and headers of every request received, in arrival order. */
  public List<String> requestHeads() {
    return List.copyOf(requestHeads);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.submit(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] head = readHead(in);
        if (head == null) {
          return;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        requestHeads.add(text);
        long length = contentLength(text);
        if (stallEverything || stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          stalled.incrementAndGet();
          in.transferTo(OutputStream.nullOutputStream()); // silent until the client hangs up
          return;
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          injected.incrementAndGet();
          if (!header(text, "expect").equalsIgnoreCase("100-continue")) {
            in.skipNBytes(length); // the body was sent already: read it before answering
          }
          out.write(errorResponse(text.startsWith("HEAD ")));
          out.flush();
          return; // Connection: close
        }
        if (upstream == null) {
          upstream = new Socket(target.getAddress(), target.getPort());
          Socket server = upstream;
          connections.submit(() -> pipe(server, client));
        }
        OutputStream toServer = upstream.getOutputStream();
        toServer.write(head);
        copy(in, toServer, length);
        toServer.flush();
        forwarded.incrementAndGet();
      }
    } catch (IOException e) {
      // a side hung up: the connection ends
    } finally {
      closeQuietly(upstream);
    }
  }

  private byte[] errorResponse(boolean head) {
    boolean throttled = failureStatus == 503;
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + (throttled ? "SlowDown" : "InternalError")
            + "</Code><Message>injected by the test proxy</Message></Error>";
    String response =
        "HTTP/1.1 " + failureStatus + (throttled ? " Slow Down" : " Internal Server Error") + "\r\n"
            + "Content-Type: application/xml\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
            + (head ? "" : body);
    return response.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The request line and headers up to the blank line, or null at the end of the connection. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  private static long contentLength(String head) {
    if (header(head, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
      throw new IllegalStateException("chunked request bodies are not supported by this proxy");
    }
    String value = header(head, "content-length");
    return value.isEmpty() ? 0 : Long.parseLong(value);
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 << 10];
    while (length > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, length));
      if (n < 0) {
        throw new IOException("client closed mid-body");
      }
      out.write(buffer, 0, n);
      length -= n;
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // either side closed
    } finally {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    connections.shutdownNow();
  }
}
