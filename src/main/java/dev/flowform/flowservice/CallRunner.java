package dev.flowform.flowservice;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs one call to its answer, retrying by the {@link RetryPolicy}. A safe call (read, PATCH,
 * DELETE, token request) is retried on connection failures and on 429, 500, 502, 503, 504. A create
 * is retried only when it surely did not land: on 429 and when no connection was made; a failure
 * after the request may have been sent throws {@link UnknownOutcomeException}.
 */
final class CallRunner {
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

  private final OkHttpClient client;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Runnable beforeEachAttempt;

  /**
   * @param beforeEachAttempt runs outside OkHttp before each attempt: fetching the token there
   *     keeps a slow token request from eating into the call's own timeout
   */
  CallRunner(
      OkHttpClient client,
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      Runnable beforeEachAttempt) {
    this.client = client;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.beforeEachAttempt = beforeEachAttempt;
  }

  /** A call that may be sent again whatever happened to the previous attempt. */
  HttpResult safe(Request request) {
    return run(request, true);
  }

  /**
   * A call sent again only when it surely did not land. The answer may be a 5xx: the caller turns
   * it into an {@link UnknownOutcomeException}.
   */
  HttpResult create(Request request) {
    return run(request, false);
  }

  private HttpResult run(Request request, boolean resendable) {
    for (int attempt = 1; ; attempt++) {
      beforeEachAttempt.run();
      HttpResult result;
      try {
        result = execute(request);
      } catch (IOException e) {
        if (!resendable && !surelyNotSent(e)) {
          throw FlowServiceException.builder(
                  0, "no answer to " + request.method() + " " + request.url())
              .detail(e.toString())
              .cause(e)
              .unknownOutcome();
        }
        Optional<Duration> delay = policy.nextDelay(attempt, Optional.empty());
        if (delay.isEmpty()) {
          throw unreachable(request, attempt, e);
        }
        sleep(delay.get(), e);
        continue;
      }
      boolean retryable = resendable ? RETRYABLE.contains(result.status()) : result.status() == 429;
      if (!retryable) {
        return result;
      }
      Optional<Duration> delay =
          policy.nextDelay(attempt, RetryAfter.parse(result.header("Retry-After"), clock));
      if (delay.isEmpty()) {
        return result;
      }
      sleep(delay.get(), null);
    }
  }

  private HttpResult execute(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      return new HttpResult(response.code(), response.headers(), body.string());
    }
  }

  /** No connection was made, so the request cannot have reached the service. */
  private static boolean surelyNotSent(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException;
  }

  private void sleep(Duration delay, Throwable cause) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      FlowServiceException interrupted =
          FlowServiceException.builder(0, "interrupted while waiting to retry").cause(e).build();
      if (cause != null) {
        interrupted.addSuppressed(cause);
      }
      throw interrupted;
    }
  }

  private static FlowServiceException unreachable(Request request, int attempts, IOException e) {
    return FlowServiceException.builder(
            0, "could not reach " + request.url().host() + ":" + request.url().port())
        .detail(e.toString())
        .hint("check the endpoint and the network (" + attempts + " attempt(s) made)")
        .cause(e)
        .build();
  }
}
