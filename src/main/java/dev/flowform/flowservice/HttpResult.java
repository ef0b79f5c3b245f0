package dev.flowform.flowservice;

import java.util.Objects;
import okhttp3.Headers;

/** One HTTP answer, read in full: status, headers and body text (empty when none). */
record HttpResult(int status, Headers headers, String body) {

  HttpResult {
    Objects.requireNonNull(headers, "headers");
    body = body == null ? "" : body;
  }

  boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The header's value, or null. */
  String header(String name) {
    return headers.get(name);
  }
}
