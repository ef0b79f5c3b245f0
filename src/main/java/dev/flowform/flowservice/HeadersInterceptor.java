package dev.flowform.flowservice;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Sets the same headers on every request (replacing any of the same name). */
final class HeadersInterceptor implements Interceptor {
  private final Headers fixed;

  HeadersInterceptor(Headers fixed) {
    this.fixed = fixed;
  }

  /** The headers of every Flow Service call, but {@code Authorization}. */
  static HeadersInterceptor flowService(FlowServiceConfig config) {
    return new HeadersInterceptor(
        new Headers.Builder()
            .add("x-api-key", config.apiKey())
            .add("x-gw-ims-org-id", config.orgId())
            .add("x-sandbox-name", config.sandbox())
            .add("User-Agent", config.userAgent())
            .add("Accept", "application/json")
            .build());
  }

  /** The headers of an IMS token request. */
  static HeadersInterceptor ims(FlowServiceConfig config) {
    return new HeadersInterceptor(
        new Headers.Builder()
            .add("User-Agent", config.userAgent())
            .add("Accept", "application/json")
            .build());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder();
    for (String name : fixed.names()) {
      request.header(name, fixed.get(name));
    }
    return chain.proceed(request.build());
  }
}
