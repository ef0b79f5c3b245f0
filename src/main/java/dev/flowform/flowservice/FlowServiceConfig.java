package dev.flowform.flowservice;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one environment's Flow Service. The base URL is checked when the record is built:
 * https, or plain http on a loopback host only.
 *
 * @param baseUrl e.g. {@code https://platform.adobe.io/data/foundation/flowservice}
 * @param apiKey sent as {@code x-api-key} (the IMS client id)
 * @param userAgent e.g. {@code flowform/0.1.0}
 * @param callTimeout the whole of one attempt, connect to last byte
 * @param maxAttempts attempts per call, the first included (1 = no retry)
 * @param baseDelay the first backoff delay, doubled on each retry
 * @param maxDelay cap of every wait, backoff and {@code Retry-After} alike
 */
public record FlowServiceConfig(
    URI baseUrl,
    String orgId,
    String sandbox,
    String apiKey,
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

  public FlowServiceConfig {
    EndpointRule.requireAllowed(Objects.requireNonNull(baseUrl, "baseUrl"), "endpoint");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** A configuration with the default timeouts and retries. */
  public static FlowServiceConfig of(
      URI baseUrl, String orgId, String sandbox, String apiKey, String userAgent) {
    return builder(baseUrl, orgId, sandbox, apiKey, userAgent).build();
  }

  /** Starts from the default timeouts and retries; set what differs. */
  public static Builder builder(
      URI baseUrl, String orgId, String sandbox, String apiKey, String userAgent) {
    return new Builder(baseUrl, orgId, sandbox, apiKey, userAgent);
  }

  /** Builds a {@link FlowServiceConfig}; whatever is not set keeps its default. */
  public static final class Builder {
    private final URI baseUrl;
    private final String orgId;
    private final String sandbox;
    private final String apiKey;
    private final String userAgent;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration baseDelay = DEFAULT_BASE_DELAY;
    private Duration maxDelay = DEFAULT_MAX_DELAY;

    private Builder(URI baseUrl, String orgId, String sandbox, String apiKey, String userAgent) {
      this.baseUrl = baseUrl;
      this.orgId = orgId;
      this.sandbox = sandbox;
      this.apiKey = apiKey;
      this.userAgent = userAgent;
    }

    public Builder timeouts(Duration connect, Duration read, Duration call) {
      connectTimeout = connect;
      readTimeout = read;
      callTimeout = call;
      return this;
    }

    public Builder retries(int attempts, Duration base, Duration max) {
      maxAttempts = attempts;
      baseDelay = base;
      maxDelay = max;
      return this;
    }

    public FlowServiceConfig build() {
      return new FlowServiceConfig(
          baseUrl,
          orgId,
          sandbox,
          apiKey,
          userAgent,
          connectTimeout,
          readTimeout,
          callTimeout,
          maxAttempts,
          baseDelay,
          maxDelay);
    }
  }
}
