package dev.flowform.flowservice;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The {@code --verbose} trace: every request and answer with its headers and body, secrets
 * redacted. Each block is written whole, so parallel calls do not mix their lines.
 */
final class TraceInterceptor implements Interceptor {
  private static final long BODY_LIMIT = 64 * 1024;

  private final PrintWriter out;
  private final Redactor redactor;
  private final Clock clock;

  TraceInterceptor(PrintWriter out, Redactor redactor, Clock clock) {
    this.out = out;
    this.redactor = redactor;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String line = request.method() + " " + request.url();
    write(requestBlock(request, line));
    Instant start = clock.instant();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      write("<-- FAILED " + line + " (" + millis(start) + " ms): " + e + "\n");
      throw e;
    }
    write(responseBlock(response, line, millis(start)));
    return response;
  }

  private String requestBlock(Request request, String line) throws IOException {
    StringBuilder block = new StringBuilder("--> ").append(line).append('\n');
    Headers headers = request.headers();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      block.append(name).append(": ").append(Redactor.header(name, headers.value(i))).append('\n');
    }
    RequestBody body = request.body();
    if (body != null) {
      MediaType type = body.contentType();
      if (type != null) {
        block.append("Content-Type: ").append(type).append('\n');
      }
      if (body.isOneShot() || body.isDuplex()) {
        block.append("(body not shown)\n");
      } else {
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        String text = buffer.readUtf8();
        block.append(redactor.body(text, type == null ? null : type.toString())).append('\n');
      }
    }
    return block.toString();
  }

  private String responseBlock(Response response, String line, long millis) throws IOException {
    StringBuilder block =
        new StringBuilder("<-- ")
            .append(response.code())
            .append(' ')
            .append(line)
            .append(" (")
            .append(millis)
            .append(" ms");
    String requestId = response.header("x-request-id");
    if (requestId != null) {
      block.append(", request id ").append(requestId);
    }
    block.append(")\n");
    ResponseBody peeked = response.peekBody(BODY_LIMIT);
    boolean cut = peeked.contentLength() >= BODY_LIMIT;
    String text = peeked.string();
    if (!text.isEmpty()) {
      String type = response.header("Content-Type");
      // "..." marks the cut, so the run's scrubber also masks a secret cut in two by it
      block.append(redactor.body(text, type)).append(cut ? "...\n" : "\n");
    }
    return block.toString();
  }

  private long millis(Instant start) {
    return Duration.between(start, clock.instant()).toMillis();
  }

  private void write(String block) {
    synchronized (out) {
      out.print(block);
      out.flush();
    }
  }
}
