package dev.flowform.apply;

import dev.flowform.state.State;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an apply did.
 *
 * @param outcomes one per mutating change of the plan, in the plan's order
 * @param state the state as last persisted (the start state when nothing was written)
 * @param cancelled whether the cancellation signal stopped it early
 */
public record ApplyResult(List<ChangeOutcome> outcomes, State state, boolean cancelled) {

  public ApplyResult {
    outcomes = List.copyOf(outcomes);
  }

  /** True when every change did what the plan asked. */
  public boolean succeeded() {
    return !cancelled && outcomes.stream().allMatch(o -> o.outcome().success());
  }

  /** How many changes ended each way (every outcome present, zero included). */
  public Map<Outcome, Long> counts() {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0L);
    }
    outcomes.forEach(o -> counts.merge(o.outcome(), 1L, Long::sum));
    return counts;
  }

  public List<ChangeOutcome> failures() {
    return outcomes.stream().filter(o -> o.outcome() == Outcome.FAILED).toList();
  }
}
