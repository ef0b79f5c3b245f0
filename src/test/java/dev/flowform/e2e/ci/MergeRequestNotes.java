package dev.flowform.e2e.ci;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitLab's merge-request notes endpoint on loopback, standing in for {@code $CI_API_V4_URL}: keeps
 * each note's body and the token it came with.
 */
final class MergeRequestNotes implements AutoCloseable {
  /** One posted note. */
  record Note(String path, String token, String body) {}

  private final HttpServer server;
  private final List<Note> notes = new CopyOnWriteArrayList<>();

  MergeRequestNotes() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/v4/",
        exchange -> {
          String form =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String body = form.startsWith("body=") ? form.substring(5) : form;
          notes.add(
              new Note(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"),
                  URLDecoder.decode(body, StandardCharsets.UTF_8)));
          byte[] answer = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4";
  }

  List<Note> notes() {
    return List.copyOf(notes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
