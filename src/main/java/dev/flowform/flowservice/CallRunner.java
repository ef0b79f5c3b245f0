package dev.flowform.flowservice;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>A host that cannot be connected to at all is tried {@link Reachability#CONNECT_ATTEMPTS} times
 * (TLS failures once), then every call of the run to it fails at once with {@link
 * UnreachableException}; so is one that accepts the connection and then stalls, after {@link
 * Reachability#STALL_ATTEMPTS} attempts, each cut by the read timeout or by the call timeout (which
 * bounds an answer that trickles in). Reads are not retried past the run's read deadline. A
 * redirect is never followed: it fails the call, naming the host.
 */
final class CallRunner {
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

  private final OkHttpClient client;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Runnable beforeEachAttempt;
  private final Reachability reachability;
  private final Instant readDeadline;

  /**
   * @param beforeEachAttempt runs outside OkHttp before each attempt: fetching the token there
   *     keeps a slow token request from eating into the call's own timeout
   */
  CallRunner(
      OkHttpClient client,
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      Runnable beforeEachAttempt,
      Reachability reachability,
      Instant readDeadline) {
    this.reachability = reachability;
    this.readDeadline = readDeadline;
    this.client = client;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.beforeEachAttempt = beforeEachAttempt;
  }

  /** A call that may be sent again whatever happened to the previous attempt. */
  HttpResult safe(Request request) {
    return run(request, true, false, () -> {});
  }

  /** A read (or a token request): safe, and retried only until the run's read deadline. */
  HttpResult read(Request request) {
    return run(request, true, true, () -> {});
  }

  /**
   * A call sent again only when it surely did not land. The answer may be a 5xx: the caller turns
   * it into an {@link UnknownOutcomeException}.
   *
   * @param beforeEachSend runs right before each attempt is sent, after the token is fetched
   */
  HttpResult create(Request request, Runnable beforeEachSend) {
    return run(request, false, false, beforeEachSend);
  }

  private HttpResult run(
      Request request, boolean resendable, boolean read, Runnable beforeEachSend) {
    for (int attempt = 1; ; attempt++) {
      reachability.check(request.url());
      beforeEachAttempt.run();
      beforeEachSend.run();
      HttpResult result;
      try {
        result = execute(request, resendable);
      } catch (IOException e) {
        Optional<String> stall = Reachability.stall(e);
        if (!resendable && !surelyNotSent(e)) {
          throw FlowServiceException.builder(
                  0,
                  "no answer to "
                      + request.method()
                      + " "
                      + request.url()
                      + stall
                          .map(s -> ": " + hostOf(request) + " answered but stalled (" + s + ")")
                          .orElse(""))
              .detail(e.toString())
              .cause(e)
              .unknownOutcome();
        }
        boolean cannotConnect = Reachability.connectFailure(e).isPresent();
        if (cannotConnect
            && (Reachability.hopeless(e) || attempt >= Reachability.CONNECT_ATTEMPTS)) {
          throw reachability.giveUp(request.url(), e, attempt);
        }
        if (stall.isPresent() && attempt >= Reachability.STALL_ATTEMPTS) {
          throw reachability.giveUpStalled(request.url(), e, attempt);
        }
        Optional<Duration> delay = nextDelay(attempt, Optional.empty(), read);
        if (delay.isEmpty()) {
          if (cannotConnect) {
            throw reachability.giveUp(request.url(), e, attempt);
          }
          throw stall.isPresent()
              ? reachability.giveUpStalled(request.url(), e, attempt)
              : unreachable(request, attempt, e);
        }
        sleep(delay.get(), e);
        continue;
      }
      if (Redirects.isRedirect(result.status())) {
        throw Redirects.refused(request, result, resendable);
      }
      boolean retryable = resendable ? RETRYABLE.contains(result.status()) : result.status() == 429;
      if (!retryable) {
        return result;
      }
      Optional<Duration> delay =
          nextDelay(attempt, RetryAfter.parse(result.header("Retry-After"), clock), read);
      if (delay.isEmpty()) {
        return result;
      }
      sleep(delay.get(), null);
    }
  }

  /** The policy's delay, unless it would take a read past the run's read deadline. */
  private Optional<Duration> nextDelay(int attempt, Optional<Duration> retryAfter, boolean read) {
    Optional<Duration> delay = policy.nextDelay(attempt, retryAfter);
    if (read && delay.isPresent() && !clock.instant().plus(delay.get()).isBefore(readDeadline)) {
      return Optional.empty();
    }
    return delay;
  }

  private HttpResult execute(Request request, boolean resendable) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      return new HttpResult(
          response.code(), response.headers(), BoundedBody.read(body, request, resendable));
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

  private static String hostOf(Request request) {
    return request.url().host() + ":" + request.url().port();
  }

  private static FlowServiceException unreachable(Request request, int attempts, IOException e) {
    return FlowServiceException.builder(0, "could not reach " + hostOf(request))
        .detail(e.toString())
        .hint("check the endpoint and the network (" + attempts + " attempt(s) made)")
        .cause(e)
        .build();
  }
}
