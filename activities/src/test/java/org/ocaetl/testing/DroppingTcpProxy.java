package org.ocaetl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP forwarder that cuts chosen connections after a number of bytes from the server:
 * a network that drops mid-transfer, which a local server never does on its own.
 */
public final class DroppingTcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private volatile int connectionToDrop = -1;
  private volatile long dropAfterBytes;

  private DroppingTcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  public static DroppingTcpProxy start(int targetPort) throws IOException {
    return new DroppingTcpProxy(targetPort);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * The next {@code passing} connections pass untouched; the one after them is cut once the server
   * sent {@code afterBytes} on it.
   */
  public void passThenDrop(int passing, long afterBytes) {
    dropAfterBytes = afterBytes;
    connectionToDrop = connections.get() + passing;
  }

  /** Connections cut so far. */
  public int dropped() {
    return dropped.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        boolean drop = connections.getAndIncrement() == connectionToDrop;
        long limit = drop ? dropAfterBytes : Long.MAX_VALUE;
        threads.submit(() -> pump(client, server, Long.MAX_VALUE));
        threads.submit(() -> pump(server, client, limit));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, long limit) {
    long sent = 0;
    byte[] buffer = new byte[8192];
    try (from; to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        sent += n;
        if (sent >= limit) {
          dropped.incrementAndGet();
          return; // closes both sockets: the connection is gone mid-stream
        }
      }
    } catch (IOException e) {
      // the other direction closed the sockets
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }
}
