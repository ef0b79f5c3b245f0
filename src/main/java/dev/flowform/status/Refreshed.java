package dev.flowform.status;

import dev.flowform.kinds.Health;
import dev.flowform.plan.Plan;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One environment as {@code status --refresh} read it: the plan made from what the platform says,
 * or why there is none.
 *
 * @param plan planned after a refresh; empty when the environment stayed offline
 * @param refresh {@code refreshed}, {@code offline} (its credentials did not resolve here) or
 *     {@code failed}
 * @param problem why it stayed offline or failed, or null
 * @param health by address, how each resource that runs (a dataflow) does
 */
public record Refreshed(
    String environment,
    Optional<Plan> plan,
    String refresh,
    String problem,
    SortedMap<String, Health> health) {
  public static final String REFRESHED = "refreshed";
  public static final String OFFLINE = "offline";
  public static final String FAILED = "failed";

  public Refreshed {
    health = new TreeMap<>(health == null ? Map.of() : health);
  }

  public static Refreshed of(Plan plan) {
    return of(plan, Map.of());
  }

  public static Refreshed of(Plan plan, Map<String, Health> health) {
    return new Refreshed(
        plan.environment(), Optional.of(plan), REFRESHED, null, new TreeMap<>(health));
  }

  public static Refreshed offline(String environment, String why) {
    return new Refreshed(environment, Optional.empty(), OFFLINE, why, null);
  }

  public static Refreshed failed(String environment, String why) {
    return new Refreshed(environment, Optional.empty(), FAILED, why, null);
  }
}
