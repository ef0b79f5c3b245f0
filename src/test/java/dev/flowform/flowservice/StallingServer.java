package dev.flowform.flowservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw server that accepts every connection, then misbehaves in one of its {@link Mode}s: it never
 * answers a whole request. Counts the connections it accepted.
 */
final class StallingServer implements AutoCloseable {
  /** How the server misbehaves after accepting. */
  enum Mode {
    /** Reads the request, then says nothing. */
    SILENT,
    /** Sends a status line, then one header line after another, for ever, slowly. */
    ENDLESS_HEADERS,
    /** Sends a whole head announcing a body, then the body one byte at a time, slowly. */
    TRICKLING_BODY
  }

  private static final long TRICKLE_MILLIS = 100;

  private final ServerSocket socket;
  private final Mode mode;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  StallingServer(Mode mode) throws IOException {
    this.mode = mode;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptAll, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int port() {
    return socket.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        accepted.incrementAndGet();
        open.add(client);
        Thread handler = new Thread(() -> serve(client), "stalling-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      readHead(client.getInputStream());
      OutputStream out = client.getOutputStream();
      switch (mode) {
        case SILENT -> client.getInputStream().read();
        case ENDLESS_HEADERS -> {
          write(out, "HTTP/1.1 200 OK\r\n");
          for (int i = 0; !client.isClosed(); i++) {
            write(out, "X-Header-" + i + ": still coming\r\n");
            Thread.sleep(TRICKLE_MILLIS);
          }
        }
        case TRICKLING_BODY -> {
          write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
          write(out, "Content-Length: 100000\r\n\r\n");
          while (!client.isClosed()) {
            write(out, " ");
            Thread.sleep(TRICKLE_MILLIS);
          }
        }
      }
    } catch (IOException e) {
      // the client gave up: what this server is for
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads up to the blank line that ends the request's head (the body, if any, is left unread). */
  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket client : open) {
      client.close();
    }
  }
}
