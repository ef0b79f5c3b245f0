package dev.flowform.flowservice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads an answer's body, never more than {@link #MAX_BYTES}: the Flow Service and IMS answer a few
 * KiB (a page of a thousand connections is well under a MiB), so a larger body (an endless chunked
 * one, a {@code Content-Length} of gigabytes) is a broken or hostile server, refused before it
 * fills the memory.
 */
final class BoundedBody {
  /** 16 MiB: generous for these APIs. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private BoundedBody() {}

  /**
   * @param resendable false for a create: then a body too large leaves its outcome unknown
   * @throws FlowServiceException "answer too large from HOST" past the cap
   */
  static String read(ResponseBody body, Request request, boolean resendable) throws IOException {
    return read(body, request, resendable, MAX_BYTES);
  }

  static String read(ResponseBody body, Request request, boolean resendable, long max)
      throws IOException {
    if (body.contentLength() > max) {
      throw tooLarge(request, resendable, max, body.contentLength());
    }
    BufferedSource source = body.source();
    Buffer read = new Buffer();
    while (read.size() <= max) {
      if (source.read(read, 8192) < 0) {
        return read.readString(StandardCharsets.UTF_8);
      }
    }
    throw tooLarge(request, resendable, max, -1);
  }

  private static FlowServiceException tooLarge(
      Request request, boolean resendable, long max, long announced) {
    FlowServiceException.Builder error =
        FlowServiceException.builder(0, "answer too large from " + request.url().host())
            .detail(
                request.method()
                    + " "
                    + request.url().encodedPath()
                    + ": "
                    + (announced > 0 ? "announced " + announced + " bytes" : "more than " + max)
                    + ", at most "
                    + max
                    + " bytes are read")
            .hint("check the endpoint: the Flow Service and IMS never answer that much");
    return resendable ? error.build() : error.unknownOutcome();
  }
}
