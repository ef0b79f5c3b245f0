package dev.flowform.status;

import dev.flowform.plan.Plan;
import java.util.Optional;

/**
 * One environment as {@code status --refresh} read it: the plan made from what the platform says,
 * or why there is none.
 *
 * @param plan planned after a refresh; empty when the environment stayed offline
 * @param refresh {@code refreshed}, {@code offline} (its credentials did not resolve here) or
 *     {@code failed}
 * @param problem why it stayed offline or failed, or null
 */
public record Refreshed(String environment, Optional<Plan> plan, String refresh, String problem) {
  public static final String REFRESHED = "refreshed";
  public static final String OFFLINE = "offline";
  public static final String FAILED = "failed";

  public static Refreshed of(Plan plan) {
    return new Refreshed(plan.environment(), Optional.of(plan), REFRESHED, null);
  }

  public static Refreshed offline(String environment, String why) {
    return new Refreshed(environment, Optional.empty(), OFFLINE, why);
  }

  public static Refreshed failed(String environment, String why) {
    return new Refreshed(environment, Optional.empty(), FAILED, why);
  }
}
