package dev.flowform.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which failures the emulator injects. Each connection call fails with kind K at probability {@code
 * rates.get(K)} (drawn from the emulator's seeded random, so a run is repeatable); every Flow
 * Service call beyond {@code rateLimit} in one clock second answers 429; a new connection stays out
 * of list answers for {@code searchLag}.
 *
 * @param rates probability of each kind per connection call; together at most 1
 * @param rateLimit Flow Service requests allowed per second; 0 means unlimited
 * @param retryAfter what a 429 puts in {@code Retry-After} (whole seconds)
 * @param operations the calls the rates apply to (scripted faults apply to any)
 * @param searchLag how long after its creation (by the emulator's clock) a connection is missing
 *     from {@code GET /connections} answers, filtered or not, counts included, as from a search
 *     index that lags behind; {@code GET /connections/{id}} sees it at once. Zero: no lag
 * @param echoed what an {@link FaultKind#ECHO_REQUEST} answer repeats of the request (by default
 *     all of body, query string and headers)
 */
public record Faults(
    Map<FaultKind, Double> rates,
    int rateLimit,
    Duration retryAfter,
    Set<Operation> operations,
    Duration searchLag,
    Set<EchoPart> echoed) {

  public Faults {
    EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
    copy.putAll(rates);
    double total = 0;
    for (Map.Entry<FaultKind, Double> rate : copy.entrySet()) {
      if (!(rate.getValue() >= 0 && rate.getValue() <= 1)) {
        throw new IllegalArgumentException(rate.getKey() + " rate must be within [0, 1]");
      }
      total += rate.getValue();
    }
    if (total > 1.000_000_1) {
      throw new IllegalArgumentException("fault rates add up to more than 1: " + total);
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rate limit must be 0 (unlimited) or more");
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("Retry-After must not be negative");
    }
    if (searchLag.isNegative()) {
      throw new IllegalArgumentException("search lag must not be negative");
    }
    rates = Map.copyOf(copy);
    operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
    echoed = echoed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(echoed));
  }

  /** No faults, no rate limit, no search lag. */
  public static Faults none() {
    return new Faults(
        Map.of(),
        0,
        Duration.ofSeconds(1),
        EnumSet.allOf(Operation.class),
        Duration.ZERO,
        EnumSet.allOf(EchoPart.class));
  }

  /**
   * Connection calls fail at {@code rate}, split evenly between a 504 after the change landed, a
   * 503 before it and a 429 before it.
   */
  public static Faults errorRate(double rate) {
    return none().withErrorRate(rate);
  }

  /** The same, with {@code rate} split evenly as in {@link #errorRate(double)}. */
  public Faults withErrorRate(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("error rate must be within [0, 1]");
    }
    double third = rate / 3;
    return new Faults(
        Map.of(
            FaultKind.TIMEOUT_AFTER_LANDING, third,
            FaultKind.UNAVAILABLE, third,
            FaultKind.THROTTLED, third),
        rateLimit,
        retryAfter,
        operations,
        searchLag,
        echoed);
  }

  /** The same, with kind {@code kind} at probability {@code rate}. */
  public Faults with(FaultKind kind, double rate) {
    EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
    copy.putAll(rates);
    copy.put(kind, rate);
    return new Faults(copy, rateLimit, retryAfter, operations, searchLag, echoed);
  }

  public Faults withRateLimit(int requestsPerSecond) {
    return new Faults(rates, requestsPerSecond, retryAfter, operations, searchLag, echoed);
  }

  public Faults withRetryAfter(Duration retryAfter) {
    return new Faults(rates, rateLimit, retryAfter, operations, searchLag, echoed);
  }

  /** The same, with the rates applying to these calls only. */
  public Faults onlyFor(Operation first, Operation... more) {
    return new Faults(rates, rateLimit, retryAfter, EnumSet.of(first, more), searchLag, echoed);
  }

  /** The same, with new connections missing from list answers for {@code lag} after creation. */
  public Faults withSearchLag(Duration lag) {
    return new Faults(rates, rateLimit, retryAfter, operations, lag, echoed);
  }

  /**
   * The same, with {@link FaultKind#ECHO_REQUEST} answers repeating only these parts of the
   * request.
   */
  public Faults echoing(EchoPart first, EchoPart... more) {
    return new Faults(rates, rateLimit, retryAfter, operations, searchLag, EnumSet.of(first, more));
  }

  /** The probability of kind {@code kind}. */
  public double rate(FaultKind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  /** The probability that a connection call fails at all. */
  public double errorRate() {
    return rates.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
