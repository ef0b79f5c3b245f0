package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the Flow Service client and the IMS token source of one environment. Both share one OkHttp
 * connection pool sized for many parallel calls to one host, the timeouts, the retry policy and the
 * {@code --verbose} trace.
 *
 * <pre>{@code
 * FlowServiceClients clients = new FlowServiceClients(config, trace, Sleeper.THREAD, random, clock);
 * FlowServiceApi api = clients.api(clients.imsTokens(imsCredentials));
 * }</pre>
 */
public final class FlowServiceClients {
  static final int MAX_PARALLEL_CALLS = 64;

  private final FlowServiceConfig config;
  private final Optional<PrintWriter> trace;
  private final Sleeper sleeper;
  private final Random random;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final OkHttpClient base;
  private final Reachability reachability = new Reachability();
  private final Instant readDeadline;

  /**
   * @param trace where the {@code --verbose} trace goes (secrets redacted), if anywhere
   * @param sleeper waits between retries
   * @param random the jitter of the backoff
   * @param clock measures durations and reads {@code Retry-After} dates and token lifetimes
   */
  public FlowServiceClients(
      FlowServiceConfig config,
      Optional<PrintWriter> trace,
      Sleeper sleeper,
      Random random,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.trace = Objects.requireNonNull(trace, "trace");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.base = baseClient(config);
    this.readDeadline = clock.instant().plus(config.readRetryDeadline());
  }

  /** The Flow Service of the configured sandbox, authenticated by {@code tokens}. */
  public FlowServiceApi api(TokenSource tokens) {
    OkHttpClient.Builder client =
        base.newBuilder()
            .addInterceptor(HeadersInterceptor.flowService(config))
            .addInterceptor(new TokenInterceptor(tokens, json));
    trace.ifPresent(out -> client.addInterceptor(traceInterceptor(out)));
    HttpUrl url = HttpUrl.get(config.baseUrl().toString());
    return new OkHttpFlowService(
        url,
        runner(client.build(), tokens::token),
        json,
        config.listPageSize(),
        config.callTimeout());
  }

  /** Tokens from the IMS client-credentials exchange, fetched on first use. */
  public TokenSource imsTokens(ImsCredentials credentials) {
    OkHttpClient.Builder client =
        base.newBuilder()
            .connectionSpecs(connectionSpecs(credentials.endpoint()))
            .addInterceptor(HeadersInterceptor.ims(config));
    trace.ifPresent(out -> client.addInterceptor(traceInterceptor(out)));
    return new ImsTokenSource(runner(client.build(), () -> {}), credentials, json, clock);
  }

  private CallRunner runner(OkHttpClient client, Runnable beforeEachAttempt) {
    return new CallRunner(
        client,
        RetryPolicy.of(config, random),
        sleeper,
        clock,
        beforeEachAttempt,
        reachability,
        readDeadline);
  }

  private TraceInterceptor traceInterceptor(PrintWriter out) {
    return new TraceInterceptor(out, new Redactor(json), clock);
  }

  /**
   * Plain HTTP only for an {@code http} URL (the emulator, embedded or not), so TLS (the trust
   * store read, the SSL context made) is set up only when a client talks to an {@code https} one:
   * it is a good part of the time to the first request. For {@code https}, OkHttp's default: modern
   * TLS.
   */
  static List<ConnectionSpec> connectionSpecs(URI url) {
    return "http".equalsIgnoreCase(url.getScheme())
        ? List.of(ConnectionSpec.CLEARTEXT)
        : List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
  }

  /**
   * No silent resends by OkHttp (this class decides what is safe to send again) and no redirects (a
   * token must not follow one to another host).
   */
  private static OkHttpClient baseClient(FlowServiceConfig config) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_PARALLEL_CALLS * 2);
    dispatcher.setMaxRequestsPerHost(MAX_PARALLEL_CALLS);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionSpecs(connectionSpecs(config.baseUrl()))
        .connectionPool(new ConnectionPool(MAX_PARALLEL_CALLS, 5, TimeUnit.MINUTES))
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }
}
